package io.yizhan.contract;

import org.jspecify.annotations.Nullable;

/**
 * One item of the catalog feed ({@link FeedItem#CATALOG}), the same for every station: a category,
 * a product (each variant its own, sharing its item's {@code groupId}) with what can still be
 * ordered ({@code available}), or an offer. {@code picture} names a PNG at {@code /api/sync/pictures/{picture}.png};
 * {@code pictureHash} is its content's SHA-256, under which the station keeps it once however many products share it.
 */
public record CatalogEntry(String type, @Nullable Category category, @Nullable Product product, @Nullable ShopOffer offer) {

    public static final String CATEGORY = "CATEGORY";
    public static final String PRODUCT = "PRODUCT";
    public static final String OFFER = "OFFER";

    public record Category(String code, String name, String picture, String pictureHash, int position) {
    }

    public record Product(String productId, String groupId, String category, String name, @Nullable String variant, String description,
                          long priceFen, long available, String picture, String pictureHash) {
    }
}
