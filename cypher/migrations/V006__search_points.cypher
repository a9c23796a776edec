// Netwerkzorg Atlas schema, part 6: typed search points (provider.SearchPoints). One point index answers "providers
// of type T within r km" reading only type T. The application gives every provider type a slot and fills missing
// search points at start; the data generator writes them with each provider. The extent covers 100 type slots of
// 1,000 km each and the country north to south: a Cartesian point index files points outside its extent in one
// overflow cell, which makes every seek read all of them.
CREATE POINT INDEX provider_search_point IF NOT EXISTS FOR (n:Provider) ON (n.searchPoint)
OPTIONS {indexConfig: {`spatial.cartesian.min`: [0.0, -100000.0], `spatial.cartesian.max`: [100000000.0, 500000.0]}};
