/**
 * Instrument contracts: the listing specification ({@link io.github.exchangeblocks.api.instrument.InstrumentSpec}),
 * commission schedules, statuses and close rules.
 *
 * <p>Units used throughout: prices are {@code long} counts of ticks ({@code priceTicks}); a tick is
 * {@code tickSize / 10^priceScale} of the quote currency. Volumes are {@code long} lots. Money is {@code long} minor
 * units of the account currency (scale declared by the account book). Rates are exact {@code long} numerators over
 * {@link io.github.exchangeblocks.api.instrument.Rates#SCALE} ({@code 10^8}), suffixed {@code E8}.
 */
package io.github.exchangeblocks.api.instrument;
