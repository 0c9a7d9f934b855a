package io.yizhan.station.inventory;

/**
 * Kinds of stock move: {@code RECEIVE} 采购入库, {@code SALE} 销售出库, {@code TRANSFER} 调拨 (location to
 * location), {@code RETURN} a customer's return (or a cancelled sale's goods back), {@code ADJUST}
 * 盘点调整 (signed), {@code WRITE_OFF} 报损 (with a {@link WriteOffReason}).
 */
public enum MoveType {
    RECEIVE, SALE, TRANSFER, RETURN, ADJUST, WRITE_OFF
}
