package io.yizhan.station.consignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.Yaml;

/**
 * The compliance check of a listing's title and description (seed 003): the Advertising Law's
 * absolute terms and health claims on ordinary food, kept as data in
 * {@code consignment/listing-rules.yml}, found in one pass by an Aho-Corasick automaton (library
 * {@code org.ahocorasick}); the longest term wins where terms overlap (最新鲜 over 最), and a hit inside
 * an allowed phrase (最佳食用期, a grade such as 特级, a registered trademark) is not flagged.
 */
@Service
public class ListingCheck {

    /** A flagged word: in which field, where ({@code start} inclusive, {@code end} exclusive, in characters), why, and what to write instead. */
    public record Hit(String field, String word, int start, int end, String rule, String law, String suggestion) {
    }

    public record Result(boolean ok, List<Hit> hits) {
    }

    private record Term(String rule, String law, String suggestion) {
    }

    private final Trie terms;
    private final @Nullable Trie allowed;
    private final Map<String, Term> byWord = new HashMap<>();

    public ListingCheck() {
        this(ListingCheck.class.getResourceAsStream("/consignment/listing-rules.yml"));
    }

    /** Rules from a YAML stream shaped like {@code listing-rules.yml}. */
    @SuppressWarnings("unchecked")
    ListingCheck(@Nullable InputStream rules) {
        if (rules == null) {
            throw new IllegalStateException("consignment/listing-rules.yml is missing");
        }
        Map<String, Object> data;
        try (InputStream in = rules) {
            data = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trie.TrieBuilder builder = Trie.builder().ignoreOverlaps();
        for (Map<String, Object> rule : (List<Map<String, Object>>) data.get("rules")) {
            String code = String.valueOf(rule.get("code"));
            String law = String.valueOf(rule.get("law"));
            String suggestion = String.valueOf(rule.get("suggestion"));
            for (Object t : (List<Object>) rule.get("terms")) {
                String word = t instanceof Map<?, ?> m ? String.valueOf(m.get("word")) : String.valueOf(t);
                String own = t instanceof Map<?, ?> m && m.get("suggestion") != null ? String.valueOf(m.get("suggestion")) : suggestion;
                byWord.put(word, new Term(code, law, own));
                builder.addKeyword(word);
            }
        }
        terms = builder.build();
        List<String> exempt = new ArrayList<>();
        for (String key : List.of("exemptions", "trademarks")) {
            Object list = data.get(key);
            if (list instanceof List<?> l) {
                l.forEach(x -> exempt.add(String.valueOf(x)));
            }
        }
        allowed = exempt.isEmpty() ? null : Trie.builder().addKeywords(exempt).build();
    }

    public Result check(@Nullable String title, @Nullable String description) {
        List<Hit> hits = new ArrayList<>();
        scan("title", title == null ? "" : title, hits);
        scan("description", description == null ? "" : description, hits);
        return new Result(hits.isEmpty(), hits);
    }

    private void scan(String field, String text, List<Hit> out) {
        if (text.isEmpty()) {
            return;
        }
        Collection<Emit> exempt = allowed == null ? List.of() : allowed.parseText(text);
        for (Emit e : terms.parseText(text)) {
            boolean inside = exempt.stream().anyMatch(x -> x.getStart() <= e.getStart() && e.getEnd() <= x.getEnd());
            if (inside) {
                continue;
            }
            Term t = byWord.get(e.getKeyword());
            // offsets in characters (code points), end exclusive
            int start = text.codePointCount(0, e.getStart());
            int end = start + e.getKeyword().codePointCount(0, e.getKeyword().length());
            out.add(new Hit(field, e.getKeyword(), start, end, t.rule(), t.law(), t.suggestion()));
        }
    }
}
