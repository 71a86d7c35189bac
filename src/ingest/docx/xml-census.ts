// A count of a Word XML part's paragraphs and how deep its elements nest, taken from the inflated bytes as they
// stream past, before any XML parser builds a tree: a parser's memory and time grow with both, and a file built
// to overload it must be refused first. Byte by byte, constant memory, chunk boundaries anywhere.

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const QUESTION = 0x3f; // ?
const BANG = 0x21; // !
const COLON = 0x3a; // :
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const LOWER_P = 0x70; // p

const enum State {
  Text,
  /** Just after "<". */
  TagOpen,
  /** In a start tag's name. */
  StartName,
  /** In a start tag, after its name. */
  StartTag,
  /** In an end tag. */
  EndTag,
  /** In a declaration, comment or processing instruction ("<?...>", "<!...>"): skipped. */
  Special,
}

export interface XmlCensus {
  /** Start tags whose local name is "p" (WordprocessingML and DrawingML paragraphs). */
  paragraphs: number;
  /** Elements in all. */
  elements: number;
  /** The deepest nesting seen. */
  maxDepth: number;
}

/** Feeds chunks of one XML part; `census` is up to date after every chunk. */
export class XmlCensusCounter {
  readonly census: XmlCensus = { paragraphs: 0, elements: 0, maxDepth: 0 };
  private state = State.Text;
  private depth = 0;
  /** In a start tag: the quote an attribute value is in (0 when none). */
  private quote = 0;
  /** In a start tag's name: its local name's length so far, and whether it is "p" so far. */
  private localLength = 0;
  private localIsP = false;
  /** The last byte of a start tag before its ">", to tell "<a/>" from "<a>". */
  private previous = 0;

  feed(chunk: Uint8Array): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      switch (this.state) {
        case State.Text:
          if (byte === LT) this.state = State.TagOpen;
          break;
        case State.TagOpen:
          if (byte === SLASH) this.state = State.EndTag;
          else if (byte === QUESTION || byte === BANG) this.state = State.Special;
          else {
            this.state = State.StartName;
            this.localLength = 0;
            this.localIsP = false;
            this.previous = 0;
            this.nameByte(byte);
          }
          break;
        case State.StartName:
          if (byte === GT || byte === SLASH || byte <= 0x20) {
            this.endStartName();
            this.state = State.StartTag;
            this.quote = 0;
            this.startTagByte(byte);
          } else this.nameByte(byte);
          break;
        case State.StartTag:
          this.startTagByte(byte);
          break;
        case State.EndTag:
          if (byte === GT) {
            this.depth = Math.max(0, this.depth - 1);
            this.state = State.Text;
          }
          break;
        case State.Special:
          if (byte === GT) this.state = State.Text;
          break;
      }
    }
  }

  private nameByte(byte: number): void {
    if (byte === COLON) {
      this.localLength = 0;
      this.localIsP = false;
      return;
    }
    this.localLength++;
    this.localIsP = this.localLength === 1 && byte === LOWER_P;
  }

  private endStartName(): void {
    this.census.elements++;
    if (this.localIsP && this.localLength === 1) this.census.paragraphs++;
    this.depth++;
    if (this.depth > this.census.maxDepth) this.census.maxDepth = this.depth;
  }

  private startTagByte(byte: number): void {
    if (this.quote !== 0) {
      if (byte === this.quote) this.quote = 0;
      return;
    }
    if (byte === QUOTE || byte === APOSTROPHE) this.quote = byte;
    else if (byte === GT) {
      // "<a/>" opens and closes at once.
      if (this.previous === SLASH) this.depth--;
      this.state = State.Text;
    }
    this.previous = byte;
  }
}
