package preflight.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.listing.Product;
import preflight.listing.ProductFacts;
import preflight.listing.Seller;

/** A spreadsheet decision table loads beside DRL: its rows are rules, and its problems name the row. */
class DecisionTableTest {

    @TempDir
    Path dir;

    static final String HEADER = """
            RuleSet,rules.t.table,,,,,,,,,,
            Import,preflight.listing.Listing,,,,,,,,,,
            Variables,preflight.rules.Findings findings,,,,,,,,,,
            ,,,,,,,,,,,
            RuleTable Requirements,,,,,,,,,,,
            NAME,METADATA,METADATA,METADATA,METADATA,METADATA,CONDITION,CONDITION,ACTION,ACTION
            ,,,,,,$l : Listing...,$l : Listing...,,
            ,"id(""$param"")","category(""$param"")","severity(""$param"")","regulation(""$param"")","effectiveFrom(""$param"")","mentionsAny(forall(,){""$""})","!hasAnyCertification(forall(,){""$""})","%s","%s"
            Rule,Id,Category,Severity,Regulation,From,Words,Silenced by,Message,Fix
            """;
    static final String REPORT_OPEN = "findings.report(kcontext, $l, \"\"$param\"\",";
    static final String REPORT_CLOSE = "\"\"$param\"\");";

    static String table(String rows) {
        return HEADER.formatted(REPORT_OPEN, REPORT_CLOSE) + rows;
    }

    static List<String> ruleIdsFor(RulePack pack, String title, List<String> certifications) {
        ProductFacts facts = new ProductFacts(new Product(title, null, "baby-products", null, List.of(), Map.of(),
                certifications, null, null), new Seller("S", "CN", null));
        return pack.evaluate(facts.forMarket("T")).stream().map(RuleHit::toFinding).map(Finding::ruleId).toList();
    }

    @Test
    void eachRowIsARuleWithItsMetadataAndFindsItsListings() {
        TempPacks t = new TempPacks(dir).pack("T", "").write("rules/T/requirements.csv", table("""
                Strollers,T-STROLLER,CERTIFICATION,MEDIUM,T-REG,2020-01-01,"stroller, pram","STD 1, STD 2",A stroller needs STD 1.,Test it to STD 1.
                Walkers,T-WALKER,CERTIFICATION,HIGH,T-REG,2020-01-01,baby walker,STD 3,A baby walker needs STD 3.,Test it to STD 3.
                """));

        RulePack pack = t.loader().loadAll().get("T").orElseThrow();

        assertThat(pack.ownRules()).extracting(RuleMeta::id, RuleMeta::file, RuleMeta::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-STROLLER", "rules/T/requirements.csv", 10),
                        org.assertj.core.groups.Tuple.tuple("T-WALKER", "rules/T/requirements.csv", 11));
        assertThat(ruleIdsFor(pack, "Foldable baby stroller", List.of())).containsExactly("T-STROLLER");
        assertThat(ruleIdsFor(pack, "Foldable baby stroller", List.of("STD 2"))).isEmpty(); // the declared standard silences it
        assertThat(ruleIdsFor(pack, "Walker for seniors", List.of())).isEmpty();
        Finding f = pack.evaluate(new ProductFacts(new Product("Baby walker with wheels", null, "baby-products", null, List.of(),
                Map.of(), List.of(), null, null), new Seller("S", "CN", null)).forMarket("T")).get(0).toFinding();
        assertThat(f.message()).isEqualTo("A baby walker needs STD 3.");
        assertThat(f.fix()).isEqualTo("Test it to STD 3.");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anXlsxTableFromASpreadsheetProgramLoadsTheSameWay() throws Exception {
        String[][] rows = {
                {"RuleSet", "rules.t.sheet"},
                {"Import", "preflight.listing.Listing"},
                {"Variables", "preflight.rules.Findings findings"},
                {},
                {"RuleTable Requirements"},
                {"NAME", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA", "CONDITION", "CONDITION", "ACTION", "ACTION"},
                {"", "", "", "", "", "", "$l : Listing", "", "", ""},
                {"", "id(\"$param\")", "category(\"$param\")", "severity(\"$param\")", "regulation(\"$param\")",
                        "effectiveFrom(\"$param\")", "mentionsAny(forall(,){\"$\"})", "!hasAnyCertification(forall(,){\"$\"})",
                        "findings.report(kcontext, $l, \"$param\",", "\"$param\");"},
                {"Rule", "Id", "Category", "Severity", "Regulation", "From", "Words", "Silenced by", "Message", "Fix"},
                {"Strollers", "T-STROLLER", "CERTIFICATION", "MEDIUM", "T-REG", "2020-01-01", "stroller, pram", "STD 1",
                        "A stroller needs STD 1.", "Test it to STD 1."}};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("US");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            // the pattern both conditions belong to spans their two columns, as a spreadsheet program merges it
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(6, 6, 6, 7));
            book.write(out);
        }
        TempPacks t = new TempPacks(dir).pack("T", "");
        java.nio.file.Files.write(t.rules.resolve("T/requirements.xlsx"), out.toByteArray());

        RulePack pack = t.loader().loadAll().get("T").orElseThrow();

        assertThat(pack.ownRules()).extracting(RuleMeta::id, RuleMeta::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-STROLLER", 10));
        assertThat(ruleIdsFor(pack, "Foldable baby stroller", List.of())).containsExactly("T-STROLLER");
        assertThat(ruleIdsFor(pack, "Foldable baby stroller", List.of("STD 1"))).isEmpty();
    }

    @Test
    void aBadCellIsReportedAtItsRow() {
        TempPacks t = new TempPacks(dir).pack("T", "").write("rules/T/requirements.csv", table("""
                Strollers,T-STROLLER,CERTIFICATION,MEDIUM,T-REG,2020-01-01,stroller,STD 1,A stroller needs STD 1.,Test it.
                Walkers,T-WALKER,CERTIFICATION,HIGH,NO-SUCH-REG,2020-01-01,baby walker,STD 3,A walker needs STD 3.,Test it.
                """));

        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).extracting(PackProblem::toString).containsExactly(
                        "rules/T/requirements.csv:11: rule \"Walkers\": @regulation(\"NO-SUCH-REG\") is not in country-regulations/"));
    }

    @Test
    void aTableWhoseActionRunsCodeIsRefusedBeforeItCompiles() {
        String evil = HEADER.formatted("java.nio.file.Files.delete(java.nio.file.Path.of(\"\"$param\"\"));", "// $param")
                + "Evil,T-EVIL,CERTIFICATION,HIGH,T-REG,2020-01-01,stroller,STD 1,/etc/passwd,x\n";
        TempPacks t = new TempPacks(dir).pack("T", "").write("rules/T/evil.csv", evil);

        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/T/evil.csv");
                    assertThat(p.message()).containsIgnoringCase("files");
                }));
    }

    @Test
    void somethingThatIsNotADecisionTableSaysSo() {
        TempPacks t = new TempPacks(dir).pack("T", "").write("rules/T/notes.csv", "just,some,cells\n1,2,3\n");

        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString()).startsWith("rules/T/notes.csv: ")));
    }
}
