package migrate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// CoverageFormats are the formats WriteCoverage knows.
var CoverageFormats = []string{"text", "json", "markdown", "github"}

// WriteCoverage writes cov to w in format (text, json, markdown or github); min is the
// --min threshold (0: none), which the text, markdown and github forms mention when the
// native percentage is below it.
func WriteCoverage(w io.Writer, cov *Coverage, format string, min float64) error {
	var b bytes.Buffer
	switch format {
	case "text", "":
		coverageText(&b, cov, min)
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(cov); err != nil {
			return err
		}
	case "markdown":
		coverageMarkdown(&b, cov, min)
	case "github":
		coverageGitHub(&b, cov, min)
	default:
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(CoverageFormats, ", "))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func routeLabel(r RouteCoverage) string {
	m := strings.Join(r.Methods, ",")
	if r.Kind == "websocket" {
		m = "WS"
	}
	if m == "" {
		m = "*"
	}
	return m + " " + r.Path
}

func summaryLines(cov *Coverage) (routes, lines string) {
	t := cov.Totals
	routes = fmt.Sprintf("routes: %d/%d native (%.1f%%), %d bridge", t.NativeRoutes, t.Routes, t.NativePercent, t.BridgeRoutes)
	if t.BlockedRoutes > 0 {
		routes += fmt.Sprintf(" (%d blocked)", t.BlockedRoutes)
	}
	if t.ForwardedRoutes > 0 {
		routes += fmt.Sprintf(" (%d forwarded)", t.ForwardedRoutes)
	}
	lines = fmt.Sprintf("lines:  %d/%d native (%.1f%%), %d bridge", t.NativeLines, t.Lines, t.NativeLinesPercent, t.BridgeLines)
	return
}

func belowLine(cov *Coverage, min float64) string {
	return fmt.Sprintf("native routes %.1f%% below --min %g%%", cov.Totals.NativePercent, min)
}

func appName(cov *Coverage) string {
	if cov.App == "" {
		return "(app not lifted)"
	}
	return cov.App
}

func coverageText(w io.Writer, cov *Coverage, min float64) {
	fmt.Fprintf(w, "coverage of %s\n", appName(cov))
	if len(cov.Routes) > 0 {
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "MODE\tROUTE\tENDPOINT\tLINES\tAT")
		for _, r := range cov.Routes {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.Mode, routeLabel(r), r.Endpoint, r.Lines, r.Pos)
		}
		tw.Flush()
	}
	bridged := false
	for _, r := range cov.Routes {
		if len(r.Reasons) == 0 {
			continue
		}
		if !bridged {
			fmt.Fprintln(w, "\nbridged routes:")
			bridged = true
		}
		fmt.Fprintf(w, "  %s (%s)\n", routeLabel(r), r.Endpoint)
		for _, x := range r.Reasons {
			fmt.Fprintf(w, "    %s\n", x)
		}
		if len(r.Blockers) > 0 {
			what := "blocked, it cannot run through the bridge either:"
			if r.Mode == ModeForward {
				what = "forwarded whole to the app's FastAPI, as a handler call cannot serve it:"
			}
			fmt.Fprintf(w, "    %s\n", what)
			for _, x := range r.Blockers {
				fmt.Fprintf(w, "      %s\n", x)
			}
		}
	}
	if cov.SingleWorker {
		fmt.Fprintf(w, "\nnote: %s\n", SingleWorkerNote)
	}
	if len(cov.AppRefusals) > 0 {
		fmt.Fprintln(w, "\napp-level refusals (they block the whole app):")
		for _, x := range cov.AppRefusals {
			fmt.Fprintf(w, "  %s\n", x)
		}
	}
	routes, lines := summaryLines(cov)
	fmt.Fprintf(w, "\n%s\n%s\n", routes, lines)
	if len(cov.AppRefusals) > 0 {
		fmt.Fprintf(w, "app:    %d app-level refusal(s)\n", len(cov.AppRefusals))
	}
	if cov.Below(min) {
		fmt.Fprintln(w, "FAIL: "+belowLine(cov, min))
	}
}

// mdCell escapes a Markdown table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func coverageMarkdown(w io.Writer, cov *Coverage, min float64) {
	t := cov.Totals
	fmt.Fprintf(w, "## covetgen coverage: `%s`\n\n", appName(cov))
	fmt.Fprintf(w, "| | native | bridge | total | native %% |\n|---|---:|---:|---:|---:|\n")
	fmt.Fprintf(w, "| routes | %d | %d | %d | %.1f%% |\n", t.NativeRoutes, t.BridgeRoutes, t.Routes, t.NativePercent)
	fmt.Fprintf(w, "| handler lines | %d | %d | %d | %.1f%% |\n", t.NativeLines, t.BridgeLines, t.Lines, t.NativeLinesPercent)
	if cov.Below(min) {
		fmt.Fprintf(w, "\n**FAIL**: %s\n", belowLine(cov, min))
	}
	if len(cov.Routes) > 0 {
		fmt.Fprintf(w, "\n### Routes\n\n| mode | route | endpoint | lines | reasons |\n|---|---|---|---:|---|\n")
		for _, r := range cov.Routes {
			var rs []string
			for _, x := range r.Reasons {
				rs = append(rs, "`"+mdCell(x.String())+"`")
			}
			for _, x := range r.Blockers {
				rs = append(rs, r.Mode+": `"+mdCell(x.String())+"`")
			}
			fmt.Fprintf(w, "| %s | `%s` | `%s` | %d | %s |\n", r.Mode, mdCell(routeLabel(r)), mdCell(r.Endpoint), r.Lines, strings.Join(rs, "<br>"))
		}
	}
	if cov.SingleWorker {
		fmt.Fprintf(w, "\nNote: %s.\n", SingleWorkerNote)
	}
	if len(cov.AppRefusals) > 0 {
		fmt.Fprintf(w, "\n### App-level refusals\n\nThese block the whole app.\n\n")
		for _, x := range cov.AppRefusals {
			fmt.Fprintf(w, "- `%s`\n", mdCell(x.String()))
		}
	}
}

// ghData escapes a workflow command's message; ghProp one of its properties.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func ghAnnotation(w io.Writer, level string, x Reason, msg string) {
	props := "file=" + ghProp(x.File)
	if x.Line > 0 {
		props += fmt.Sprintf(",line=%d", x.Line)
		if x.Col > 0 {
			props += fmt.Sprintf(",col=%d", x.Col)
		}
	}
	fmt.Fprintf(w, "::%s %s::%s\n", level, props, ghData(msg))
}

func coverageGitHub(w io.Writer, cov *Coverage, min float64) {
	for _, r := range cov.Routes {
		for _, x := range r.Reasons {
			ghAnnotation(w, "warning", x, fmt.Sprintf("route %s (%s) bridged: %s", routeLabel(r), r.Endpoint, x.Message))
		}
		for _, x := range r.Blockers {
			ghAnnotation(w, "warning", x, fmt.Sprintf("route %s (%s) %s: %s", routeLabel(r), r.Endpoint, r.Mode, x.Message))
		}
	}
	for _, x := range cov.AppRefusals {
		ghAnnotation(w, "warning", x, "blocks the whole app: "+x.Message)
	}
	routes, lines := summaryLines(cov)
	summary := "covetgen coverage of " + appName(cov) + ": " + routes + "; " + strings.Join(strings.Fields(lines), " ")
	if cov.Below(min) {
		fmt.Fprintf(w, "::error title=covetgen coverage::%s\n", ghData(summary+"; "+belowLine(cov, min)))
		return
	}
	fmt.Fprintf(w, "::notice title=covetgen coverage::%s\n", ghData(summary))
}
