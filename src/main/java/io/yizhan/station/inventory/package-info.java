/**
 * Inventory: goods (SKUs) with barcodes, short codes and pinyin initials; stock per SKU × owner ×
 * batch × location; stock moves that are never edited; import from CSV and XLSX; thresholds and
 * near-expiry; stocktakes. Public API: {@link io.yizhan.station.inventory.Goods},
 * {@link io.yizhan.station.inventory.Stock}, {@link io.yizhan.station.inventory.Stocktakes}, their
 * records and {@link io.yizhan.station.inventory.StockMoved}.
 */
@NullMarked
package io.yizhan.station.inventory;

import org.jspecify.annotations.NullMarked;
