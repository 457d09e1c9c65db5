/**
 * Writes the `tokenizer.json` and `tokenizer_config.json` of an XLM-RoBERTa SentencePiece-unigram tokenizer,
 * in the layout Hugging Face tokenizers (and so transformers.js) read: the real vocabulary and scores, the
 * nmt_nfkc normaliser (`Precompiled`), runs of spaces collapsed, the `▁` metaspace, and `<s> … </s>` around
 * every text.
 */
import type { UnigramVocab } from './e5s1.js';

/** The XLM-R special tokens; `<mask>` is the last piece of its vocabulary. */
const SPECIAL_TOKENS = ['<s>', '<pad>', '</s>', '<unk>', '<mask>'];

export function unigramTokenizerJson(vocab: UnigramVocab) {
  const id = (token: string) => vocab.pieces.indexOf(token);
  const bos = vocab.pieces[vocab.bos];
  const eos = vocab.pieces[vocab.eos];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.filter((token) => id(token) >= 0).map((content) => ({
      id: id(content), content, single_word: false, lstrip: content === '<mask>', rstrip: false, normalized: false, special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        // transformers.js applies nmt_nfkc in code for any charsmap; the table itself is not needed.
        { type: 'Precompiled', precompiled_charsmap: null },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', add_prefix_space: true, prepend_scheme: 'always' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: eos, type_id: 0 } }],
      pair: [
        { SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: eos, type_id: 0 } },
        { SpecialToken: { id: eos, type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: eos, type_id: 0 } },
      ],
      special_tokens: Object.fromEntries([bos, eos].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }])),
    },
    decoder: { type: 'Metaspace', replacement: '▁', add_prefix_space: true, prepend_scheme: 'always' },
    model: { type: 'Unigram', unk_id: vocab.unk, vocab: vocab.pieces.map((piece, i) => [piece, vocab.scores[i]]) },
  };
}

export function unigramTokenizerConfig(vocab: UnigramVocab, maxLength: number) {
  return {
    tokenizer_class: 'XLMRobertaTokenizer',
    model_max_length: maxLength,
    bos_token: vocab.pieces[vocab.bos],
    eos_token: vocab.pieces[vocab.eos],
    pad_token: vocab.pieces[vocab.pad],
    unk_token: vocab.pieces[vocab.unk],
    cls_token: vocab.pieces[vocab.bos],
    sep_token: vocab.pieces[vocab.eos],
    mask_token: '<mask>',
  };
}
