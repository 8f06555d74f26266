package preflight.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it (and spreadsheets export it): fields split by commas, quoted fields may hold
 * commas, doubled quotes and line breaks. Each record knows the line it starts on, for error messages.
 */
final class Csv {

    record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    Csv(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end. A quote left open runs to the end and is reported. */
    Record next() throws IOException {
        int start = line;
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvException(start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    unread(n);
                }
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** The line the reader is on. */
    int line() {
        return line;
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    private void unread(int c) {
        peeked = c;
    }

    /** The CSV text is malformed at a line. */
    static final class CsvException extends IOException {
        final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
