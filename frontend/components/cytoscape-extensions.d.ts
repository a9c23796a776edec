// Cytoscape.js ships its own types; its layout (fcose) and export (svg) extensions do not.
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';
  const fcose: cytoscape.Ext;
  export default fcose;
}

declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const svg: cytoscape.Ext;
  export default svg;
}
