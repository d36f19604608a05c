/**
 * JSON Merge Patch (RFC 7396): {@link io.github.exchangeblocks.diff.patch.MergePatch} applies (copying with
 * structural sharing, or in place), diffs and composes patches exactly; {@link
 * io.github.exchangeblocks.diff.patch.PendingPatch} folds any number of patches into a bounded pending change set
 * without knowing the client's base document, which is what the DIFF snapshot manager keeps per session.
 */
package io.github.exchangeblocks.diff.patch;
