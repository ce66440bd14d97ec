/** How a menu accelerator (Electron's notation) is written for people: "CmdOrCtrl+1" is "Ctrl+1", or "⌘1" on a Mac. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((part) => {
    if (part === 'CmdOrCtrl' || part === 'CommandOrControl') return mac ? '⌘' : 'Ctrl';
    if (part === 'Cmd' || part === 'Command') return '⌘';
    if (part === 'Alt') return mac ? '⌥' : 'Alt';
    if (part === 'Left') return '←';
    if (part === 'Right') return '→';
    return part;
  });
  return mac ? parts.join('') : parts.join('+');
}

/** Whether this computer is a Mac, for the way shortcuts are written. */
export const onMac = (): boolean => /Mac/i.test(navigator.platform || navigator.userAgent);
