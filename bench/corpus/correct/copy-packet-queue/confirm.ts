import { EventEmitter } from 'node:events';
import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

class FakeCapture extends EventEmitter {
  private target: Buffer | undefined;

  open(_device: string, _filter: string, _bufSize: number, buffer: Buffer): string {
    this.target = buffer;
    return 'ETHERNET';
  }

  close(): void {
    this.removeAllListeners();
  }

  deliver(port: number): void {
    const frame = Buffer.alloc(60);
    frame.writeUInt8(0x45, 14);
    frame.writeUInt16BE(port, 14 + 20 + 2);
    frame.copy(this.target!);
    this.emit('packet', frame.length, false);
  }
}

export default function confirm({ PacketQueue, tcpDestinationPort }: typeof Impl): void {
  const cap = new FakeCapture();
  const queue = new PacketQueue(cap as unknown as Impl.Capture, 'eth0');
  for (const port of [80, 443, 22]) cap.deliver(port);
  expect(queue.size === 3, `the queue holds ${queue.size} packets`);
  const ports = [queue.shift(), queue.shift(), queue.shift()].map(packet => tcpDestinationPort(packet!.data));
  expect(ports.join() === '80,443,22', `queued packets decode to ports ${ports.join()}: later captures overwrote earlier ones`);
  queue.close();
}
