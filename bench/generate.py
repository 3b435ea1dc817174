"""Generate valid scenarios of any size for benchmarks (conditions, effects, loops).

Owns the shape of generated scenarios only; the bench scripts time them.
"""

from __future__ import annotations


def scenario_yaml(nodes: int, seed_id: str = "bench") -> str:
    """A valid format-1 scenario with about ``nodes`` nodes, as YAML text.

    Every third node is a linear step, the rest are decisions with three choices
    that rate all three competencies, carry feedback, conditions and effects; the
    last few nodes are endings.
    """
    endings = 3
    body = max(nodes - endings, 1)
    lines = [
        "# yaml-language-server: $schema=../game/content/schema/scenario.schema.json",
        "format: 1",
        f"id: {seed_id}-{nodes}",
        f'title: {{id: "Skenario uji {nodes} simpul", en: "Benchmark scenario, {nodes} nodes"}}',
        "minutes: 30",
        "tags: [bench]",
        "variables:",
        "  kepercayaan: 0",
        "  melapor: false",
        '  sikap: "netral"',
        "characters:",
        '  budi: {name: "Pak Budi", role: {id: "Kepala Bidang", en: "Head of Division"}}',
        "start: n0",
        "nodes:",
    ]
    for index in range(body):
        here = f"n{index}"
        after = f"n{index + 1}" if index + 1 < body else "akhir-0"
        skip = f"n{index + 2}" if index + 2 < body else f"akhir-{index % endings}"
        lines.append(f"  {here}:")
        lines.append("    speaker: budi")
        lines.append(
            f'    text: {{id: "Situasi nomor {index}: rekan kerja meminta pendapat Anda.", '
            f'en: "Situation {index}: a colleague asks for your view."}}'
        )
        if index % 3 == 2:
            lines.append(f"    next: {after}")
            continue
        lines.append("    show_locked: true")
        lines.append("    choices:")
        for number, (goto, rating) in enumerate(((after, 5), (skip, 3), (after, 1))):
            lines.append(f"      - id: opsi-{number}")
            lines.append(
                f'        text: {{id: "Saya memilih opsi {number}.", '
                f'en: "I choose option {number}."}}'
            )
            lines.append(f"        goto: {goto}")
            if number == 1:
                lines.append(
                    '        if: "kepercayaan >= 1 and not melapor or sikap == \\"terbuka\\""'
                )
                lines.append("        set: {melapor: true}")
            if number == 0:
                lines.append("        add: {kepercayaan: 1}")
            lines.append(
                f"        score: {{recognize: {rating}, tolerate: {rating}, leverage: {rating}}}"
            )
            lines.append(
                f'        feedback: {{id: "Umpan balik opsi {number}.", en: "Feedback {number}."}}'
            )
    for ending in range(endings):
        lines.append(f"  akhir-{ending}:")
        lines.append(f'    text: {{id: "Akhir {ending}.", en: "Ending {ending}."}}')
        lines.append(
            f'    ending: {{title: {{id: "Akhir {ending}", en: "Ending {ending}"}}, kind: good}}'
        )
    return "\n".join(lines) + "\n"
