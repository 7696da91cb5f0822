// Undo history for a waveform editor: snapshots are deep copies made with structuredClone and no
// transfer list, so the live state, typed arrays included, stays attached and editable.
export interface EditorState {
  label: string;
  samples: Float32Array;
  markers: number[];
}

export class History {
  private readonly snapshots: EditorState[] = [];

  constructor(public state: EditorState) {}

  /** Records the current state before an edit. */
  checkpoint(): void {
    this.snapshots.push(structuredClone(this.state));
  }

  /** Restores the last checkpoint; returns false when there is none. */
  undo(): boolean {
    const previous = this.snapshots.pop();
    if (previous === undefined) return false;
    this.state = previous;
    return true;
  }
}
