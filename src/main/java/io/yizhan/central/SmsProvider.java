package io.yizhan.central;

/**
 * Sends a text message to a phone. The real provider is a gateway contract this build does not
 * have; {@link SandboxSmsProvider} stands in for it and records every message for operators.
 */
public interface SmsProvider {

    /** Thrown when the provider could not deliver; the reason is shown to staff. */
    final class Undeliverable extends Exception {
        public Undeliverable(String reason) {
            super(reason);
        }
    }

    void send(String phone, String text) throws Undeliverable;
}
