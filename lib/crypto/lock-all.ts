import { lock } from './session';

/**
 * "Lock now" locks every open Liaison page (side panels of other windows, options, district view), not only the
 * one clicked. Each page holds its own key (lib/crypto/session), so the lock is announced on a BroadcastChannel:
 * it reaches only pages of the extension's own origin (an SIS page or content script cannot post or listen), and
 * it carries nothing but the word.
 */
const CHANNEL = 'liaison-lock';

export function lockEverywhere(): void {
  lock();
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('lock');
  channel.close();
}

/** Locks this page when another Liaison page locks; returns the unsubscribe. */
export function followLocks(): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    if (e.data === 'lock') lock();
  };
  return () => channel.close();
}
