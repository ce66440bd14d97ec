// The only description of what electron/preload.ts exposes. Absent in the browser (HTTP transport).
interface Window {
  api?: {
    invoke(name: string, input: unknown, session?: string | null): Promise<unknown>;
    /** The desktop menu's commands (contract/app-commands); returns the unsubscribe. */
    onCommand(listener: (id: string) => void): () => void;
  };
}
