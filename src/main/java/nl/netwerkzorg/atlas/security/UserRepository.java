package nl.netwerkzorg.atlas.security;

import org.springframework.data.neo4j.repository.Neo4jRepository;

interface UserRepository extends Neo4jRepository<AtlasUser, String> {
}
