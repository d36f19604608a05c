import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH CSV result file as one table: a row per benchmark and parameter set, with its score, error,
 * unit and, when the run used {@code -prof gc}, the bytes allocated per operation. Run as a single-file
 * program: {@code java bench/BenchTable.java bench/results/latest.csv}.
 */
public final class BenchTable {

    private static final String ALLOC_SUFFIX = ":gc.alloc.rate.norm";

    private BenchTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java bench/BenchTable.java <jmh-result.csv>");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            System.err.println("no results in " + args[0]);
            System.exit(1);
        }
        List<String> header = parse(lines.get(0));
        int firstParam = header.size();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("Param: ")) {
                firstParam = i;
                break;
            }
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = parse(line);
            String name = f.get(0);
            StringBuilder params = new StringBuilder();
            for (int i = firstParam; i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    params.append(params.length() == 0 ? "" : " ").append(header.get(i).substring(7))
                            .append('=').append(f.get(i));
                }
            }
            int colon = name.indexOf(':');
            if (colon < 0) {
                String shortName = name.replaceFirst("^io\\.github\\.exchangeblocks\\.bench\\.", "");
                rows.put(name + '|' + params, new String[] {
                    shortName, params.toString(), f.get(1), number(f.get(4)), number(f.get(5)), f.get(6), ""});
            } else if (name.endsWith(ALLOC_SUFFIX)) {
                String[] row = rows.get(name.substring(0, colon) + '|' + params);
                if (row != null) {
                    row[6] = number(f.get(4));
                }
            }
        }
        String[] titles = {"Benchmark", "Params", "Mode", "Score", "Error", "Unit", "Alloc B/op"};
        int[] widths = new int[titles.length];
        for (int i = 0; i < titles.length; i++) {
            widths[i] = titles[i].length();
        }
        for (String[] row : rows.values()) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        print(titles, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        System.out.println(rule.toString().stripTrailing());
        for (String[] row : rows.values()) {
            print(row, widths);
        }
    }

    private static void print(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i >= 3 && i != 5;
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(numeric ? pad + cell : cell + pad).append("  ");
        }
        System.out.println(out.toString().stripTrailing());
    }

    private static String number(String text) {
        if (text.isEmpty()) {
            return "";
        }
        if (text.equals("NaN")) {
            return "-";
        }
        double value = Double.parseDouble(text);
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.3f", value);
    }

    /** Splits one CSV line, honouring double quotes and doubled quotes inside them. */
    private static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
