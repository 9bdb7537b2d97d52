"""The benchmark report as text."""

from __future__ import annotations

from typing import Any


def _ms(figures: dict[str, Any] | None) -> str:
    if not figures or "p50_ms" not in figures:
        return "—"
    raised = f" raised {figures['raised']}" if figures.get("raised") else ""
    cpu = figures.get("cpu_p50_ms")
    cpu_text = f" [cpu {cpu:.3f}/{figures['cpu_p99_ms']:.3f}]" if cpu == cpu and cpu else ""
    return f"{figures['p50_ms']:.3f}/{figures['p99_ms']:.3f}{cpu_text} (n={figures['n']}){raised}"


def _spread(figures: dict[str, float]) -> str:
    return (
        f"{figures['median_ms']:.0f} ms (quartiles {figures['p25_ms']:.0f}–{figures['p75_ms']:.0f},"
        f" range {figures['min_ms']:.0f}–{figures['max_ms']:.0f})"
    )


def _print_cli(cli: dict[str, Any], log: dict[str, Any]) -> None:
    if "error" in cli:
        print(f"briefbot ask: failed\n{cli['error']}")
    elif cli:
        changed = "" if cli["store_and_index_unchanged"] else " — THE STORE OR INDEX CHANGED"
        print(
            f'briefbot ask "{cli["question"]}" on an unchanged site folder (no re-check, re-sync'
            f" or re-index{changed}), n={cli['n']} processes, each beside one doing only its"
            f" {cli['modules']} imports:"
        )
        print(f"  wall {_spread(cli['wall'])}; imports alone {_spread(cli['imports_wall'])}")
        print(
            f"  beyond the imports: wall {_spread(cli['beyond_imports_wall'])};"
            f" CPU {_spread(cli['beyond_imports_cpu'])} (target <= 50 ms)"
        )
    if log:
        print(
            f"ask log write in process (SQLite file, warm, 1 in 5 declined so also queued):"
            f" p50/p99 {log['p50_ms']:.4f}/{log['p99_ms']:.4f} ms, max {log['max_ms']:.2f}"
            f" (n={log['n']}; {log['written_later']} left to the background; target <= 0.2 ms)"
        )


def print_report(report: dict[str, Any]) -> None:
    generator = report["generator"]
    print(
        f"Engine benchmark — generator {generator['name']}, seed {generator['seed']}, "
        f"sizes {generator['sizes']}, {generator['questions']} questions per realistic store"
    )
    print(f"machine load (1/5/15 min) before: {report['load_before']}")
    speed = report.get("machine_speed")
    if speed:
        print(
            f"machine speed: sum(range(100_000)) {speed['python_loop_ms']} ms, a 30,000 x 32"
            f" float32 product {speed['float32_product_ms']} ms (compare runs across machines)"
        )
    deps = report["dependencies"]
    print(
        f"new runtime dependencies: {deps['new_runtime_total_mib']} MiB installed "
        f"({', '.join(f'{k} {v}' for k, v in deps['new_runtime_packages_mib'].items())}); "
        f"model loaded: +{deps['model_loaded_rss_mib']} MiB RSS"
    )
    _print_cli(report.get("cli_ask") or {}, report.get("ask_log") or {})
    print(
        "latencies are wall p50/p99 ms over n samples, GC on, [process CPU p50/p99]; "
        "cold = first pass after a restart"
    )
    for store in report["stores"]:
        print()
        name = store["name"]
        if "error" in store:
            print(f"{name}: failed\n{store['error']}")
            continue
        print(f"{name}: {store['entries']:,} entries, {store['phrasings']:,} phrasings")
        if "service_first_start_s" in store:
            print(
                f"  service start, fresh data folder (sync, index, model load): "
                f"{store['service_first_start_s']:.3f} s; again with the saved index: "
                f"{store['service_restart_s']:.3f} s"
            )
        print(
            f"  index: build {store['build_s']:.2f} s, +{store['index_rss_mib']} MiB RSS; "
            f"process {store['process_rss_mib']} MiB (peak {store['peak_rss_mib']}); "
            f"snapshot {store['snapshot_mib']} MiB saved in {store['snapshot_save_s']:.2f} s"
        )
        print(
            f"  restart: SQLite store read, model loaded, index from the snapshot:"
            f" {store['restart_s']:.3f} s ({store['restart_reused']:,} entries reused;"
            f" the entries' first sync into the store {store['store_sync_s']:.1f} s)"
        )
        print(f"  answer cold {_ms(store['cold'])}; warm {_ms(store['warm'])}")
        accuracy = store.get("accuracy") or {}
        if accuracy:
            print(
                f"  source entry answered {accuracy['answered_right']:.1%}, in top 3 "
                f"{accuracy['top3']:.1%} (n={accuracy['n']})"
            )
        auto = store["autocomplete"]
        print(
            f"  autocomplete per keystroke {_ms(auto)}, {auto['mean_results']} results on average"
        )
        print(
            f"  incremental update of one entry {_ms(store['update'])}, "
            f"max {store['update']['max_ms']:.1f}"
        )
        bm25 = store["bm25s"]
        if "missing" in bm25:
            print(f"  bm25s: {bm25['missing']}")
        else:
            ratio = store["warm"]["p50_ms"] / bm25["p50_ms"] if bm25["p50_ms"] else float("nan")
            print(
                f"  bm25s (same phrasings, top 1): {_ms(bm25)}, index {bm25['index_s']:.2f} s, "
                f"top-1 {bm25['top1']:.1%}; engine/bm25s p50 ratio {ratio:.2f}"
            )
        naive = store["naive"]
        print(
            f"  naive rapidfuzz WRatio over all phrasings: {_ms(naive)}, top-1 {naive['top1']:.1%}"
        )
        previous = store.get("previous_engine")
        if previous:
            print(
                f"  previous engine: build {previous['build_s']:.2f} s, "
                f"cold {_ms(previous['cold'])}, warm {_ms(previous['warm'])}, "
                f"answered right {previous['answered_right']:.1%}"
            )
        print(f"  machine load during this store: {store.get('load', report['load_before'])}")
    print()
    print(f"machine load after: {report['load_after']}; bench wall time {report['wall_s']} s")
    print(
        "Targets: real store p50 <= 0.5 ms, p99 <= 2 ms, load+index <= 1 s; 30k p50 <= 1 ms, "
        "p99 <= 5 ms; 100k p50 <= 2 ms, p99 <= 10 ms, index <= 1 GiB RSS, autocomplete <= 5 ms, "
        "update <= 50 ms, restart <= 5 s."
    )
