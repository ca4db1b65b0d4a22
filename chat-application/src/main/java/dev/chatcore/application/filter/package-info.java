/**
 * The built-in content filter: a word list whose terms match whole words however players disguise
 * them (case, accents, look-alike letters, repeated letters, separators, leetspeak), compiled to a
 * trie so a check costs a few microseconds. Embedders use it directly ({@code new
 * WordListFilter(WordList.parse(lines))}); the standalone server loads it from {@code
 * CHAT_FILTER_FILE} and reloads it on change.
 */
package dev.chatcore.application.filter;
