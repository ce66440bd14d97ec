/** 1536 → "1.5 KB", 7340032 → "7 MB": binary units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** The file's bytes as base64, without the data: URL prefix. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Saves base64 content as a file. */
export function downloadBase64(base64: string, mime: string, fileName: string): void {
  downloadBlob(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: mime }), fileName);
}

/** Saves text (a JSON export) as a file. */
export function downloadText(text: string, mime: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

/** The desktop app blocks window.open, so a temporary <a download> does it. */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob; a few seconds later it is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
