import { readSession } from "./session";

/**
 * Downloads a file the API serves only to curators (a snapshot with drafts): a link cannot send the
 * bearer token, so the file is fetched with it and handed to the browser as a blob.
 */
export async function downloadWithToken(url: string, filename: string): Promise<void> {
  const token = readSession()?.token;
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The download failed (HTTP ${res.status})`);
  }
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the blob can go.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
