package io.yizhan.station.inventory.internal;

import io.yizhan.station.inventory.Barcodes;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a goods spreadsheet: CSV read by Commons CSV (UTF-8 with or without BOM, else GB18030
 * as Chinese spreadsheet programs export it), XLSX by fastexcel-reader; cells become text (an Excel
 * date cell becomes 2026-11-27) and each row parses itself, saying why when it cannot.
 */
public final class ImportRows {

    /** The columns, as a station's spreadsheet names them; the last two may be left out. */
    public static final List<String> COLUMNS = List.of("SKU编码", "商品名称", "规格", "条码", "单位", "售价(元)", "批次号", "生产日期", "保质期(天)", "货位",
            "数量", "预警阈值", "店内码", "进价(元)");
    private static final List<String> OPTIONAL = List.of("店内码", "进价(元)");
    /** Larger files are refused whole: 20,000 rows are about 2 MB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;

    private ImportRows() {
    }

    /** The rows of a CSV or XLSX file (told apart by its first bytes), without the header and blank rows. */
    public static List<Row> read(byte[] file) {
        if (file.length == 0) {
            throw new InventoryRefused("EMPTY_FILE", 400, "inventory.import.error.empty");
        }
        if (file.length > MAX_BYTES) {
            throw new InventoryRefused("FILE_TOO_LARGE", 413, "inventory.import.error.too-large");
        }
        byte[] head = java.util.Arrays.copyOf(file, Math.min(file.length, 8));
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            return xlsx(file);
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new InventoryRefused("OLD_EXCEL", 400, "inventory.import.error.xls");
        }
        return csv(text(file));
    }

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030. */
    static String text(byte[] file) {
        int start = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(file, start, file.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(file, Charset.forName("GB18030"));
        }
    }

    private static List<Row> csv(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new InventoryRefused("NOT_A_SPREADSHEET", 400, "inventory.import.error.not-spreadsheet");
        }
        List<List<String>> lines = new ArrayList<>();
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.EXCEL.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                if (lines.size() > MAX_ROWS) {
                    throw new InventoryRefused("TOO_MANY_ROWS", 413, "inventory.import.error.too-many-rows");
                }
                lines.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw new InventoryRefused("NOT_A_SPREADSHEET", 400, "inventory.import.error.csv", null, String.valueOf(malformed.getMessage()));
        }
        return rows(lines);
    }

    private static List<Row> xlsx(byte[] file) {
        List<List<String>> lines = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, false));
             Stream<org.dhatim.fastexcel.reader.Row> sheet = wb.getFirstSheet().openStream()) {
            sheet.forEach(r -> {
                if (r.getRowNum() > MAX_ROWS + 1) {
                    throw new InventoryRefused("TOO_MANY_ROWS", 413, "inventory.import.error.too-many-rows");
                }
                // rows are numbered as the sheet shows them: blank rows in between keep their numbers
                while (lines.size() < r.getRowNum() - 1) {
                    lines.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(cellText(r.getCell(c)));
                }
                lines.add(cells);
            });
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof InventoryRefused refused) {
                throw refused;
            }
            throw new InventoryRefused("NOT_A_SPREADSHEET", 400, "inventory.import.error.xlsx");
        }
        return rows(lines);
    }

    private static String cellText(@Nullable Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                return cell.asDate().toLocalDate().toString();
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    private static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return f.contains("y") || (f.contains("d") && f.contains("m"));
    }

    private static List<Row> rows(List<List<String>> lines) {
        int headerAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stream().anyMatch(c -> !c.isBlank())) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            throw new InventoryRefused("EMPTY_FILE", 400, "inventory.import.error.empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = lines.get(headerAt);
        for (int c = 0; c < header.size(); c++) {
            columns.putIfAbsent(normalise(header.get(c)), c);
        }
        List<String> missing = COLUMNS.stream().filter(k -> !OPTIONAL.contains(k) && !columns.containsKey(normalise(k))).toList();
        if (!missing.isEmpty()) {
            throw new InventoryRefused("MISSING_COLUMNS", 400, "inventory.import.error.columns", null, String.join("、", missing));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = headerAt + 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (String k : COLUMNS) {
                Integer c = columns.get(normalise(k));
                values.put(k, c == null || c >= cells.size() ? "" : cells.get(c).strip());
            }
            rows.add(new Row(i + 1, values));
        }
        return rows;
    }

    /** 售价（元） and 售价(元), "SKU 编码" and "SKU编码" are the same column. */
    private static String normalise(String header) {
        return header.replace('（', '(').replace('）', ')').replaceAll("\\s", "").replace("\uFEFF", "").toUpperCase(Locale.ROOT);
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuuMMdd")).stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    /** One data row, numbered as the spreadsheet shows it; {@link #parse()} fills its typed values or says why it cannot. */
    public static final class Row {
        private final int number;
        private final Map<String, String> raw;
        private List<String> problemArgs = List.of();
        private String sku = "";
        private String name = "";
        private String spec = "";
        private List<String> barcodes = List.of();
        private Unit unit = Unit.PIECE;
        private long priceFen;
        private String batch = "";
        private @Nullable LocalDate producedOn;
        private @Nullable LocalDate expiresOn;
        private String location = "";
        private long quantity;
        private long threshold;
        private @Nullable String shortCode;
        private @Nullable Long costFen;

        Row(int number, Map<String, String> raw) {
            this.number = number;
            this.raw = raw;
        }

        /** Records why the row is refused; returns the message key. */
        public String fail(String key, String... args) {
            problemArgs = List.of(args);
            return key;
        }

        /** Parses the row; null when every cell is good, else the message key saying why (see {@link #problemArgs()}). */
        public @Nullable String parse() {
            sku = raw.get("SKU编码");
            if (!sku.matches("[A-Za-z0-9._-]{1,40}")) {
                return fail("inventory.import.error.sku", sku);
            }
            name = raw.get("商品名称");
            if (name.isEmpty() || name.length() > 80) {
                return fail("inventory.import.error.name");
            }
            spec = raw.get("规格");
            if (spec.length() > 60) {
                return fail("inventory.import.error.spec");
            }
            String u = raw.get("单位").toUpperCase(Locale.ROOT);
            switch (u) {
                case "件", "个", "PIECE", "PCS" -> unit = Unit.PIECE;
                case "千克", "公斤", "KG" -> unit = Unit.KG;
                default -> {
                    return fail("inventory.import.error.unit", raw.get("单位"));
                }
            }
            Long price = money(raw.get("售价(元)"));
            if (price == null) {
                return fail("inventory.import.error.price", raw.get("售价(元)"));
            }
            priceFen = price;
            if (!raw.get("进价(元)").isEmpty()) {
                costFen = money(raw.get("进价(元)"));
                if (costFen == null) {
                    return fail("inventory.import.error.cost", raw.get("进价(元)"));
                }
            }
            LinkedHashSet<String> codes = new LinkedHashSet<>();
            for (String b : raw.get("条码").split("[,;/，；、\\s]+")) {
                if (b.isEmpty()) {
                    continue;
                }
                if (Barcodes.problem(b).isPresent()) {
                    return fail("inventory.import.error.barcode", b);
                }
                codes.add(b);
            }
            barcodes = List.copyOf(codes);
            batch = raw.get("批次号");
            if (batch.length() > 40) {
                return fail("inventory.import.error.batch");
            }
            String produced = raw.get("生产日期");
            if (!produced.isEmpty()) {
                producedOn = date(produced);
                if (producedOn == null) {
                    return fail("inventory.import.error.date", produced);
                }
            }
            String shelfLife = raw.get("保质期(天)");
            if (!shelfLife.isEmpty()) {
                if (!shelfLife.matches("\\d{1,5}")) {
                    return fail("inventory.import.error.shelf-life", shelfLife);
                }
                if (producedOn == null) {
                    return fail("inventory.import.error.shelf-life-without-date");
                }
                expiresOn = producedOn.plusDays(Long.parseLong(shelfLife));
            }
            location = raw.get("货位").toUpperCase(Locale.ROOT);
            if (location.length() > 20 || (!location.isEmpty() && !location.matches("[A-Z0-9][A-Z0-9._-]*"))) {
                return fail("inventory.import.error.location", raw.get("货位"));
            }
            Long q = quantity(raw.get("数量"));
            if (q == null) {
                return fail(unit == Unit.KG ? "inventory.import.error.quantity-kg" : "inventory.import.error.quantity", raw.get("数量"));
            }
            quantity = q;
            String t = raw.get("预警阈值");
            Long th = t.isEmpty() ? Long.valueOf(0) : quantity(t);
            if (th == null) {
                return fail("inventory.import.error.threshold", t);
            }
            threshold = th;
            String sc = raw.get("店内码");
            if (!sc.isEmpty()) {
                if (!sc.matches("\\d{5}")) {
                    return fail("inventory.import.error.short-code", sc);
                }
                shortCode = sc;
            }
            return null;
        }

        /** Yuan with up to two decimals, not negative; null when it is not such a number. */
        private static @Nullable Long money(String s) {
            try {
                BigDecimal v = new BigDecimal(s.replace("¥", "").replace("￥", "").replace(",", "").strip());
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    return null;
                }
                return v.movePointRight(2).longValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Pieces (a whole number) or kg with up to three decimals (into grams); null when it is not. */
        private @Nullable Long quantity(String s) {
            try {
                BigDecimal v = new BigDecimal(s.replace(",", "").strip());
                if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                    return null;
                }
                if (unit == Unit.PIECE) {
                    return v.stripTrailingZeros().scale() > 0 ? null : v.longValueExact();
                }
                return v.stripTrailingZeros().scale() > 3 ? null : v.movePointRight(3).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        private static @Nullable LocalDate date(String s) {
            for (DateTimeFormatter f : DATES) {
                try {
                    LocalDate d = LocalDate.parse(s, f);
                    return d.getYear() < 1990 || d.getYear() > 2200 ? null : d;
                } catch (DateTimeParseException next) {
                    // the next layout
                }
            }
            return null;
        }

        public int number() {
            return number;
        }

        public List<String> problemArgs() {
            return problemArgs;
        }

        public String sku() {
            return sku;
        }

        public String name() {
            return name;
        }

        public String spec() {
            return spec;
        }

        public List<String> barcodes() {
            return barcodes;
        }

        public Unit unit() {
            return unit;
        }

        public long priceFen() {
            return priceFen;
        }

        public String batch() {
            return batch;
        }

        public @Nullable LocalDate producedOn() {
            return producedOn;
        }

        public @Nullable LocalDate expiresOn() {
            return expiresOn;
        }

        public String location() {
            return location;
        }

        public long quantity() {
            return quantity;
        }

        public long threshold() {
            return threshold;
        }

        public @Nullable String shortCode() {
            return shortCode;
        }

        public @Nullable Long costFen() {
            return costFen;
        }
    }

    private static final List<List<String>> EXAMPLES = List.of(
            List.of("SP0001", "金龙鱼大米", "5kg/袋", "6901234567892", "件", "39.90", "B20261101", "2026-11-01", "365", "A-01-01", "20", "5", "", "32.00"),
            List.of("SP0002", "红富士苹果", "散装", "", "千克", "8.80", "B20261120", "2026-11-20", "30", "B-02-01", "25.5", "5", "", "6.50"));

    public static byte[] templateXlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Yizhan", "1.0");
            Worksheet ws = wb.newWorksheet("商品导入");
            for (int c = 0; c < COLUMNS.size(); c++) {
                ws.value(0, c, COLUMNS.get(c));
                ws.style(0, c).bold().set();
                for (int r = 0; r < EXAMPLES.size(); r++) {
                    ws.value(r + 1, c, EXAMPLES.get(r).get(c));
                }
                ws.width(c, 14);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] templateCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
            csv.printRecord(COLUMNS);
            for (List<String> example : EXAMPLES) {
                csv.printRecord(example);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
