package preflight.ip;

import java.util.List;
import preflight.rules.Finding;

/** What the IP screen adds to a check: findings like any rule's (category IP, country "*"), and the ip block. */
public record IpResult(List<Finding> findings, IpVerdict verdict) {
}
