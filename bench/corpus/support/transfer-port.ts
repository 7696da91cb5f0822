/**
 * A worker stand-in for transfer cases: the page side is a real MessagePort of a MessageChannel, so
 * `postMessage(msg, transfer)` on it really transfers (detaches) every ArrayBuffer its transfer list
 * names, as Worker.postMessage does in a browser. The other port plays the worker: `respond` gets
 * each message's data and may answer through `reply` (which transfers too).
 */
export interface PortWorker {
  /** The page side: hand it to code that expects a Worker or a MessagePort. */
  readonly port: MessagePort;
  /** Every message data the worker side received, in order. */
  readonly received: unknown[];
  /**
   * Messages the worker side could not receive: Node delivers a message whose typed array views a
   * detached buffer as a 'messageerror' (a browser's postMessage throws a DataCloneError instead).
   */
  readonly failed: unknown[];
  /** Closes both ports (always call it, or Node keeps running). */
  close(): void;
}

export type Reply = (message: unknown, transfer?: Transferable[]) => void;

export function portWorker(
  respond: (data: any, reply: Reply) => void = () => {},
  onMessageError: (error: unknown) => void = () => {},
): PortWorker {
  const channel = new MessageChannel();
  const received: unknown[] = [];
  const failed: unknown[] = [];
  channel.port2.onmessage = event => {
    received.push(event.data);
    respond(event.data, (message, transfer = []) => channel.port2.postMessage(message, transfer));
  };
  channel.port2.onmessageerror = event => {
    failed.push(event);
    onMessageError(event);
  };
  return {
    port: channel.port1,
    received,
    failed,
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Resolves after pending messages between the two ports have been delivered. */
export function settle(ms = 20): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
