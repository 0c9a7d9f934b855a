package io.yizhan.station.consignment;

/** How a consignor is paid: cash at the counter, to a bank account, or to WeChat. */
public enum PayoutMethod {
    CASH, BANK, WECHAT
}
