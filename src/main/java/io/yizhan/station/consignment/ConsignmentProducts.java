package io.yizhan.station.consignment;

import io.yizhan.station.inventory.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.Yaml;

/** The products farmers bring, kept as data in {@code consignment/products.yml}. */
@Service
public class ConsignmentProducts {

    /**
     * A product: its code, name, variety, usual grade, unit, category, whether it spoils quickly,
     * whether its category needs a 承诺达标合格证, and whether lots of it from several consignors share
     * one SKU and barcode ({@code pooled}).
     */
    public record Product(String code, String name, String variety, String grade, Unit unit, String category, boolean perishable,
                          boolean certificate, boolean pooled) {
    }

    private final List<Product> products;

    @SuppressWarnings("unchecked")
    public ConsignmentProducts() {
        try (InputStream in = ConsignmentProducts.class.getResourceAsStream("/consignment/products.yml")) {
            if (in == null) {
                throw new IllegalStateException("consignment/products.yml is missing");
            }
            Map<String, Object> data = new Yaml().load(in);
            products = ((List<Map<String, Object>>) data.get("products")).stream()
                    .map(p -> new Product(String.valueOf(p.get("code")), String.valueOf(p.get("name")), String.valueOf(p.get("variety")),
                            String.valueOf(p.get("grade")), Unit.valueOf(String.valueOf(p.get("unit"))), String.valueOf(p.get("category")),
                            Boolean.TRUE.equals(p.get("perishable")), Boolean.TRUE.equals(p.get("certificate")),
                            Boolean.TRUE.equals(p.get("pooled"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Product> all() {
        return products;
    }

    public Optional<Product> find(String code) {
        return products.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
