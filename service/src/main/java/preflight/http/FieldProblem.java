package preflight.http;

/** One thing wrong with a request, naming the field as a JSON path ({@code product.title}). */
public record FieldProblem(String field, String problem) {
}
