// A packet sniffer built on a libpcap binding in the style of `cap`: the binding writes every captured
// packet into the single Buffer given to open() and emits 'packet' with its length. Packets are
// decoded later, off the capture callback, so each one is copied out of the shared buffer into the
// queue before the next capture overwrites it.
import type { EventEmitter } from 'node:events';

export interface Capture extends EventEmitter {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  close(): void;
}

export interface QueuedPacket {
  linkType: string;
  truncated: boolean;
  data: Buffer;
}

export class PacketQueue {
  private readonly queue: QueuedPacket[] = [];
  private readonly buffer = Buffer.alloc(65535);

  constructor(private readonly cap: Capture, device: string, filter = 'tcp') {
    const linkType = cap.open(device, filter, 10 * 1024 * 1024, this.buffer);
    cap.on('packet', (nbytes: number, truncated: boolean) => {
      this.queue.push({ linkType, truncated, data: Buffer.from(this.buffer.subarray(0, nbytes)) });
    });
  }

  get size(): number {
    return this.queue.length;
  }

  /** The oldest captured packet, for the decoder that drains the queue on a timer. */
  shift(): QueuedPacket | undefined {
    return this.queue.shift();
  }

  close(): void {
    this.cap.close();
  }
}

/** TCP destination port of an Ethernet/IPv4 frame. */
export function tcpDestinationPort(frame: Buffer): number {
  const ipHeaderLength = (frame.readUInt8(14) & 0x0f) * 4;
  return frame.readUInt16BE(14 + ipHeaderLength + 2);
}
