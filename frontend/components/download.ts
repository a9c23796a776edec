// Lets the browser save a picture or file drawn in the page (PNG/SVG exports of the map, graph and chart components).

/** Saves {@code blob} under {@code fileName}, adding {@code extension} when the name lacks it. */
export function downloadBlob(blob: Blob, fileName: string, extension: string, fallbackName = 'atlas') {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, withExtension(fileName, extension, fallbackName));
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves what {@code url} (an object or data URL) holds under {@code fileName}. */
export function downloadUrl(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function withExtension(fileName: string, extension: string, fallbackName = 'atlas'): string {
  const name = fileName && fileName.trim() !== '' ? fileName.trim() : fallbackName;
  return name.toLowerCase().endsWith(extension) ? name : name + extension;
}
