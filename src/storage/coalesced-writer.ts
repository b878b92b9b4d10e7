/**
 * Write-ahead with coalescing: `flush()` resolves once a save that started after the call has finished, and
 * saves never overlap. Many callers that flush at once share one write.
 */
export class CoalescedWriter {
  private dirty = 0;
  private saved = 0;
  private writing: Promise<void> | null = null;

  constructor(private readonly write: () => Promise<void>) {}

  /** Marks the state changed without waiting; a later flush writes it. */
  touch(): void {
    this.dirty++;
  }

  async flush(): Promise<void> {
    const target = ++this.dirty;
    while (this.saved < target) {
      if (!this.writing) {
        const version = this.dirty;
        this.writing = this.write()
          .then(() => {
            this.saved = Math.max(this.saved, version);
          })
          .finally(() => {
            this.writing = null;
          });
      }
      await this.writing;
    }
  }
}
