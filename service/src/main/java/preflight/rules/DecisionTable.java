package preflight.rules;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import preflight.regulations.RegulationCatalog;

/**
 * A spreadsheet decision table in a pack ({@code .csv}, or {@code .xlsx} from a spreadsheet program): each row a
 * rule, for requirement lists that read better as a table than as DRL. drools-decisiontables turns it into DRL,
 * which is then screened, checked and compiled like any DRL file; problems name the table's row, not a line of
 * the generated text.
 */
final class DecisionTable {

    /** drools-decisiontables writes this comment before each generated rule. */
    private static final Pattern ROW = Pattern.compile("^// rule values at [A-Z]+(\\d+),", Pattern.MULTILINE);

    private DecisionTable() {
    }

    static boolean isTable(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx");
    }

    static DrlFile read(String displayPath, byte[] content, String market, RegulationCatalog catalog,
                        List<PackProblem> problems) {
        InputType type = displayPath.toLowerCase(Locale.ROOT).endsWith(".csv") ? InputType.CSV : InputType.XLS;
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
        } catch (RuntimeException e) {
            // a table that is not a decision table: drools-decisiontables says why, sometimes naming the cell
            problems.add(new PackProblem(displayPath, 0, "not a readable decision table: " + reason(e)));
            return new DrlFile(displayPath, "", "", List.of(), IntUnaryOperator.identity());
        }
        return DrlFile.read(displayPath, drl, market, catalog, problems, rows(drl));
    }

    /** Maps a line of the generated DRL to the table row of the rule it belongs to (row 1 before any rule). */
    static IntUnaryOperator rows(String drl) {
        TreeMap<Integer, Integer> rowAtLine = new TreeMap<>();
        Matcher m = ROW.matcher(drl);
        while (m.find()) {
            int line = 1 + (int) drl.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            rowAtLine.put(line, Integer.parseInt(m.group(1)));
        }
        return line -> {
            var row = rowAtLine.floorEntry(line);
            return row == null ? 1 : row.getValue();
        };
    }

    private static String reason(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
