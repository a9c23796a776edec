// Vite's `?inline` suffix imports a stylesheet as a string (used to put Leaflet's CSS into a shadow root).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
