package preflight.rules;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file can run code, so before anything compiles its text is screened. A rule may use the fact
 * model only ({@code import preflight.listing.*}, the {@code findings} global); its {@code then} part may
 * only report ({@code findings.report(kcontext, $l, "message", "fix");}); and no file, network, process,
 * reflection, thread or class-loading name may appear anywhere outside quoted text. Every breach is a
 * problem at its line, and the pack does not load.
 */
final class RuleSandbox {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.*]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\s+([\\w.]+)\\s+(\\w+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern BLOCK = Pattern.compile("^\\s*(function|query|declare|window|entry-point|accumulate)\\b", Pattern.MULTILINE);
    private static final Pattern CONSEQUENCE = Pattern.compile("(?s)\\bthen\\b(.*?)\\bend\\b");
    /** The one then part a rule may have; groups 1 and 2 are the message and fix literals (read into {@link RuleMeta}). */
    static final Pattern REPORT_ONLY = Pattern.compile(
            "(?s)\\s*findings\\s*\\.\\s*report\\s*\\(\\s*kcontext\\s*,\\s*\\$\\w+\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)\\s*;\\s*");
    /** Names that reach past the fact model: files, network, processes, reflection, threads, class loading, the engine. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(java|javax|jdk|sun|com|org|System|Runtime|Process|ProcessBuilder|"
            + "ProcessHandle|Thread|ThreadLocal|Executors?|ForkJoinPool|ClassLoader|Class|getClass|forName|reflect|Method|Field|"
            + "Constructor|invoke|newInstance|setAccessible|MethodHandles?|Unsafe|File|Files|Path|Paths|FileInputStream|"
            + "FileOutputStream|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient|URLConnection|exec|exit|halt|load|"
            + "loadLibrary|drools|kcontext\\.get\\w*|getKieRuntime|insert|insertLogical|modify|update|retract|delete|eval|from)\\b");

    private static final Set<String> ALLOWED_IMPORT_PREFIXES = Set.of("preflight.listing.");

    private RuleSandbox() {
    }

    static void screen(String file, String text, List<PackProblem> problems) {
        String code = blankQuotedAndComments(text);
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String type = m.group(2);
            if (m.group(1) != null || ALLOWED_IMPORT_PREFIXES.stream().noneMatch(type::startsWith)) {
                problems.add(new PackProblem(file, line(code, m.start()), "import " + type
                        + " is not allowed: a rule may use only the fact model (preflight.listing)"));
            }
        }
        m = GLOBAL.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals("preflight.rules.Findings") || !m.group(2).equals("findings")) {
                problems.add(new PackProblem(file, line(code, m.start()), "global " + m.group(1) + " " + m.group(2)
                        + " is not allowed: the only global is preflight.rules.Findings findings"));
            }
        }
        m = BLOCK.matcher(code);
        while (m.find()) {
            problems.add(new PackProblem(file, line(code, m.start()), m.group(1) + " is not allowed in a rule pack"));
        }
        m = CONSEQUENCE.matcher(code);
        while (m.find()) {
            // compare against the original text: the message and fix strings were blanked in code
            String then = text.substring(m.start(1), m.end(1));
            if (!REPORT_ONLY.matcher(then).matches()) {
                problems.add(new PackProblem(file, line(code, m.start()),
                        "the then part may only be findings.report(kcontext, $l, \"message\", \"fix\");"));
            }
        }
        String outsideImports = IMPORT.matcher(GLOBAL.matcher(code).replaceAll(" ")).replaceAll(" ");
        m = FORBIDDEN.matcher(outsideImports);
        while (m.find()) {
            problems.add(new PackProblem(file, line(outsideImports, m.start()), "'" + m.group(1)
                    + "' is not allowed in a rule: files, network, processes, reflection, threads, class loading and"
                    + " the engine itself are out of a rule's reach"));
        }
    }

    /** The text with quoted strings and comments blanked out (lengths and line breaks kept). */
    static String blankQuotedAndComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append("  ");
                        i += 2;
                        continue;
                    }
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < text.length()) {
                    out.append('"');
                    i++;
                }
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
