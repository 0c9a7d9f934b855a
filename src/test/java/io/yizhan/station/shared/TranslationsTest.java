package io.yizhan.station.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * UI text lives in three translation files with identical keys, every key the code asks for
 * exists, and no screen carries hard-coded text.
 */
class TranslationsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern KEY_USE = Pattern.compile("(?:getTranslation|translate|ApiError\\.of\\([^,]+,)\\s*\\(?\\s*\"([a-z][a-z0-9.\\-]*[a-z0-9])\"");
    private static final Pattern HAN_LITERAL = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");
    private static final Pattern TEXT_LITERAL = Pattern.compile(
            "(?:setText|setHeader|setLabel|setPlaceholder|setHelperText|setTitle|setAriaLabel|Notification\\.show"
                    + "|new (?:Span|H1|H2|H3|Paragraph|Button|NativeButton|Anchor|Dialog))\\s*\\(\\s*(?:\"[^\"]*\",\\s*)?\"((?!/)[^\"]*\\p{L}[^\"]*)\"");
    /** Literals that are not translatable text: the page shells' bilingual default titles, shown until a view sets its own. */
    private static final Set<String> ALLOWED = Set.of("\"驿站 Yizhan\"", "\"驿站总部 Yizhan Central\"");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        Set<String> simplified = new TreeSet<>(load("translations.properties").stringPropertyNames());
        assertThat(new TreeSet<>(load("translations_zh_TW.properties").stringPropertyNames())).isEqualTo(simplified);
        assertThat(new TreeSet<>(load("translations_en.properties").stringPropertyNames())).isEqualTo(simplified);
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = KEY_USE.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1);
                if (!key.endsWith(".") && !keys.contains(key)) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void screensHoldNoHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            if (!source.contains("import com.vaadin.flow.component")) {
                continue;
            }
            String code = stripComments(source);
            Matcher han = HAN_LITERAL.matcher(code);
            while (han.find()) {
                if (!ALLOWED.contains(han.group())) {
                    found.add(file.getFileName() + ": " + han.group());
                }
            }
            Matcher text = TEXT_LITERAL.matcher(code);
            while (text.find()) {
                found.add(file.getFileName() + ": " + text.group());
            }
        }
        assertThat(found).as("UI text must come from vaadin-i18n/translations*.properties").isEmpty();
    }

    @Test
    void unknownLocalesFallBackToSimplifiedChineseNotToTheJvmDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Translations.translate("kiosk.home", Locale.GERMAN)).isEqualTo("首页");
            assertThat(Translations.translate("kiosk.home", Locale.forLanguageTag("zh-HK"))).isEqualTo("首頁");
            assertThat(Translations.translate("kiosk.home", Locale.forLanguageTag("en-GB"))).isEqualTo("Home");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }
}
