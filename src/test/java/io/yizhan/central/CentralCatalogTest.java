package io.yizhan.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo catalog as data: 8 categories of 20–30 products, about 200 in all, ids unique, a group's
 * variants in one category, every price positive, and every picture shipped (fetched from npm at
 * build time) and rendered to a small PNG that shows something.
 */
class CentralCatalogTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data() throws Exception {
        try (InputStream in = CentralCatalog.class.getResourceAsStream("/catalog/demo-catalog.yml")) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoCatalogIsWholeAndEveryPictureIsShipped() throws Exception {
        List<Map<String, Object>> categories = (List<Map<String, Object>>) data().get("categories");
        List<Map<String, Object>> products = (List<Map<String, Object>>) data().get("products");
        assertThat(categories).extracting(c -> c.get("name")).containsExactly("粮油", "生鲜", "日用", "家电", "农资", "服装", "母婴", "文具");
        assertThat(products).hasSizeBetween(190, 210);
        Map<Object, Long> perCategory = products.stream().collect(Collectors.groupingBy(p -> p.get("category"), Collectors.counting()));
        assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isBetween(20L, 30L));
        assertThat(products.stream().map(p -> p.get("productId")).collect(Collectors.toSet())).hasSameSizeAs(products);
        Map<Object, Set<Object>> groupCategories = products.stream()
                .collect(Collectors.groupingBy(p -> p.get("groupId"), Collectors.mapping(p -> p.get("category"), Collectors.toSet())));
        assertThat(groupCategories.values()).allSatisfy(c -> assertThat(c).hasSize(1));
        assertThat(products).allSatisfy(p -> assertThat(((Number) p.get("priceFen")).longValue()).isPositive());
        Set<String> pictures = new HashSet<>();
        categories.forEach(c -> pictures.add(String.valueOf(c.get("picture"))));
        products.forEach(p -> pictures.add(String.valueOf(p.get("picture"))));
        assertThat(pictures).allSatisfy(name -> assertThat(CentralCatalog.class.getResource("/catalog/twemoji/" + name + ".svg"))
                .as("the build fetched %s.svg", name).isNotNull());
    }

    @Test
    void aPictureRendersToASmallSquarePngThatShowsSomething() throws Exception {
        URL rice = CentralCatalog.class.getResource("/catalog/twemoji/1f35a.svg");
        byte[] png = CentralCatalog.render(rice);
        assertThat(png.length).isLessThan(40_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(CentralCatalog.PICTURE_PX);
        assertThat(image.getHeight()).isEqualTo(CentralCatalog.PICTURE_PX);
        int opaque = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                opaque += (image.getRGB(x, y) >>> 24) > 200 ? 1 : 0;
            }
        }
        assertThat(opaque).as("a bowl of rice, not a blank square").isGreaterThan(500);
    }
}
