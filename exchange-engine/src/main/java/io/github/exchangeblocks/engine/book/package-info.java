/**
 * The central limit order book: one {@link io.github.exchangeblocks.api.book.OrderBook} per instrument, created
 * by {@link io.github.exchangeblocks.engine.book.OrderBooks} from validated
 * {@link io.github.exchangeblocks.engine.book.OrderBookSettings}; an
 * {@link io.github.exchangeblocks.engine.book.OrderBookRegistry} holds a venue's books and runs the commands that
 * span instruments (mass cancel by owner, day expiry).
 *
 * <p>Structure: resting orders are fixed-size records in one primitive array, addressed by {@code int} handles
 * and doubly linked into a FIFO per price level (the links in a dense array of their own); an order id finds its
 * handle through an open-addressing table of hash tags and handles, the part of it in use sized for the live
 * orders (it doubles and halves with them inside the memory reserved for the hint, so a generous hint costs
 * memory, not speed). Each side keeps its levels in a direct-mapped
 * ladder of primitive arrays indexed by signed price tick (so the best level is the smallest key on both sides and
 * the hot paths have no branch on the side), with an occupancy bitmap for stepping between levels. No mutation
 * stores an object reference, so the garbage collector's write barrier stays off the hot paths even when the book
 * lives in the old generation.
 * Records are recycled through a free list, so placing, cancelling, amending, moving and matching allocate nothing
 * once the arrays have grown to the working size (the capacity hints in the settings pre-size them); the level 2
 * walk ({@code forEachLevel}) and the other views allocate nothing at all.
 *
 * <p>Call auction: orders collected in {@code PRE_OPEN} rest without matching; market orders without protection
 * price wait in a per-side "any price" queue ahead of the levels (no level events, counted in the indication),
 * protected ones rest at their protection price, and minimum quantities are kept aside until the uncross, which
 * cancels each order its allocation would fill short of its minimum (fill-or-kill: of its quantity), one at a
 * time with a recompute, trades everything else at one price and cancels market and immediate-or-cancel
 * leftovers. Only market orders on both sides trade at the reference price. The auction code runs only then, so
 * continuous trading does not pay for it.
 *
 * <p>Determinism: no clock, no randomness, no iteration in hash order. Commands that touch many orders (mass
 * cancel, day expiry, auction leftovers) walk bids, then asks; on each side the any-price queue first, then the
 * levels from the best price on, each in time priority. Single-threaded: a book must be driven by one thread at
 * a time.
 */
package io.github.exchangeblocks.engine.book;
