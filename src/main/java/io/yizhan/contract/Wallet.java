package io.yizhan.contract;

import java.util.Optional;

/**
 * The wallets a payment code (付款码) comes from, told from the code alone before any call: WeChat
 * Pay's are 18 digits starting 10–15, Alipay's 16–24 digits starting 25–30.
 */
public enum Wallet {
    WECHAT, ALIPAY;

    public static Optional<Wallet> of(String authCode) {
        if (authCode.matches("1[0-5]\\d{16}")) {
            return Optional.of(WECHAT);
        }
        if (authCode.matches("(2[5-9]|30)\\d{14,22}")) {
            return Optional.of(ALIPAY);
        }
        return Optional.empty();
    }
}
