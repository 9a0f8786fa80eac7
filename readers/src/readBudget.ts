import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { READ_BOUNDS, type ReadBounds } from './readLimits';

/** A finding that stops the read: thrown from deep inside a part's tokenizer, caught once per workbook. */
export class Refusal {
  constructor(readonly issue: Issue) {}
}

const MB = 1024 * 1024;

/**
 * What one workbook's read may spend: unpacked bytes (all parts together, and each part
 * against its packed size) and wall time. Counted as the bytes arrive, so a zip bomb is
 * refused after a few megabytes, not after gigabytes of tokenizing.
 */
export class ReadBudget {
  private inflated = 0;
  private readonly deadline: number;

  constructor(
    private readonly file: string,
    private readonly bounds: ReadBounds = READ_BOUNDS,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + bounds.maxReadMs;
  }

  /** Counts `bytes` more of a part whose packed size is `packed`, having unpacked `partBytes` of it so far. */
  take(bytes: number, partBytes: number, packed: number): void {
    this.inflated += bytes;
    const b = this.bounds;
    const suspect = partBytes > b.minSuspectBytes && partBytes > b.maxInflateRatio * Math.max(packed, 1);
    if (this.inflated > b.maxInflatedBytes || suspect) {
      const size_mb = Math.floor((suspect ? partBytes : this.inflated) / MB);
      throw new Refusal(issueAt('error', 'file.expands_too_much', this.file, { size_mb, times: Math.floor(partBytes / Math.max(packed, 1)) }));
    }
    if (this.now() > this.deadline) throw new Refusal(issueAt('error', 'file.read_too_long', this.file, { seconds: Math.round(b.maxReadMs / 1000) }));
  }

  /** A part's chunks, counted as they pass. */
  async *count(chunks: AsyncIterable<Uint8Array>, packed: number): AsyncGenerator<Uint8Array> {
    let part = 0;
    for await (const chunk of chunks) {
      part += chunk.length;
      this.take(chunk.length, part, packed);
      yield chunk;
    }
  }
}
