"""Read a plan document from the command line (bulk work and checking the reader).

python manage.py import_plan FILE --dry-run --json   # print the extraction, save nothing
python manage.py import_plan FILE --issuer-id 12     # save it as a draft plan of agency 12
python manage.py import_plan --evaluate              # scores: seeds, corpus-dev, held-out, fresh2 … fresh7
python manage.py import_plan --evaluate --split dev --split heldout   # … only these splits (fresh2 not read)
python manage.py import_plan --evaluate --split fresh3   # one split (a split kept aside is read only when named)
python manage.py import_plan --evaluate --split fresh6   # the sixth set (c102–c183), unseen until 07/12/2026 17:38 UTC
python manage.py import_plan --evaluate --split fresh7   # the seventh set (c220–c299), unseen until 07/12/2026 21:59 UTC
python manage.py import_plan --evaluate --split fresh8   # the eighth set (c300–), unseen until 08/12/2026 01:29 UTC
"""

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from planimport.reader import ReaderError, read_file


class Command(BaseCommand):
    help = "Read a plan from a .docx, .pdf (text layer) or .txt file; print it as JSON or save it as a draft."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Path to a .docx, .pdf or .txt file")
        parser.add_argument("--dry-run", action="store_true", help="Save nothing")
        parser.add_argument("--json", action="store_true", help="Print the extraction as JSON")
        parser.add_argument("--with-source", action="store_true", help="Include the normalised source text and spans")
        parser.add_argument("--issuer-id", type=int, help="Agency id to use as issuer when saving")
        parser.add_argument("--username", help="User recorded as the author when saving")
        parser.add_argument(
            "--evaluate",
            action="store_true",
            help="Print the reader's scores on the seeds, the development corpus and the held-out corpus",
        )
        parser.add_argument(
            "--split",
            action="append",
            metavar="SPLIT",
            help="With --evaluate: score only these corpus splits "
            "(repeatable: dev, heldout, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8); "
            "the others are then never read. Without it every split but those kept aside as unseen "
            "(tests/planimport/corpus_keys.KEPT_ASIDE) is scored: a kept-aside split is read only when it is named",
        )
        parser.add_argument(
            "--details", action="store_true", help="With --evaluate: list the wrong header fields and targets"
        )

    def handle(self, *args, **options):
        if options["evaluate"]:
            self.stdout.write(self._evaluate(details=options["details"], splits=options["split"]))
            return
        if not options["file"]:
            raise CommandError("Cần đường dẫn tệp (hoặc --evaluate).")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        try:
            with path.open("rb") as handle:
                extraction = read_file(handle, path.name)
        except ReaderError as error:
            raise CommandError(str(error)) from error
        data = extraction.to_dict()
        if not options["with_source"]:
            data.pop("source_text", None)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(self._summary(data))
        if options["dry_run"]:
            return
        from planimport.services import plan_from_extraction_save

        try:
            plan = plan_from_extraction_save(
                data=extraction.to_dict(), issuer_id=options["issuer_id"], username=options["username"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except PermissionDenied as error:  # the user may not write that issuer's plans (issue 12)
            raise CommandError(str(error) or "Người dùng không được lập kế hoạch của cơ quan ban hành này.") from error
        for note in getattr(plan, "import_skipped", []):
            self.stderr.write(f"Bỏ qua (không lưu được như đã đọc): {note}")
        if getattr(plan, "import_duplicate", False):
            self.stdout.write(
                f"Văn bản đã có trong cổng: kế hoạch #{plan.pk} ({plan.reference}); không tạo kế hoạch thứ hai."
            )
            return
        self.stdout.write(self.style.SUCCESS(f"Đã lưu dự thảo kế hoạch #{plan.pk}: {plan.title[:80]}"))

    @staticmethod
    def _evaluate(details: bool = False, splits: list[str] | None = None) -> str:
        """The reader's scores against hand-made keys: the seeds (targets, tasks, deadlines), then
        header accuracy, target precision/recall and results taken for targets on each set — the
        seeds, then the splits of the corpus (tests/planimport/corpus_keys.SPLITS: development,
        held-out, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8), each scored on its own. A split kept aside as unseen
        (corpus_keys.KEPT_ASIDE) is read only when ``splits`` names it."""
        from planimport.reader import evaluate, format_scores, read_text, score

        try:
            from tests.planimport.corpus_keys import DEFAULT_SPLITS, DOCUMENTS, SPLITS, corpus_text
            from tests.planimport.expected_seeds import EXPECTED, SEED_DIR, SEED_FILES, seed_text
        except ImportError as error:  # a deployment without the tests folder
            raise CommandError(
                "Không tìm thấy tests/planimport/expected_seeds.py (chạy lệnh trong thư mục mã nguồn)."
            ) from error
        missing = [name for name in SEED_FILES.values() if not (SEED_DIR / name).is_file()]
        if missing:
            raise CommandError(f"Không tìm thấy văn bản mẫu trong {SEED_DIR}: {', '.join(missing)}")
        seeds = {k: read_text(seed_text(k)).to_dict() for k in sorted(SEED_FILES)}
        pairs = [(SEED_FILES[k], seeds[k], EXPECTED[k]) for k in sorted(SEED_FILES)]
        header_keys = ("number", "symbol", "date", "place", "issuer")
        sets = {
            "seeds": evaluate.evaluate_set(
                (
                    SEED_FILES[k],
                    seeds[k],
                    {
                        "header": {f: EXPECTED[k].get(f) for f in header_keys},
                        "targets": EXPECTED[k].get("targets", []),
                        "results": [],
                    },
                )
                for k in sorted(SEED_FILES)
            )
        }
        known = [split for split, _ in SPLITS]
        unknown = sorted(set(splits or ()) - set(known))
        if unknown:
            raise CommandError(
                f"Không có phần kho văn bản {', '.join(unknown)} (có: {', '.join(known)})."
            )
        chosen = [(split, label) for split, label in SPLITS if split in splits] if splits else list(DEFAULT_SPLITS)
        for split, label in chosen:
            keys = sorted(k for k, d in DOCUMENTS.items() if d["split"] == split)
            sets[label] = evaluate.evaluate_set(
                (DOCUMENTS[k]["file"], read_text(corpus_text(k)).to_dict(), DOCUMENTS[k]) for k in keys
            )
        return "\n".join(
            [
                "Seeds: targets, tasks, deadlines",
                format_scores(score(pairs)),
                "",
                "Header fields and targets: seeds, " + ", ".join(label for _, label in chosen),
                evaluate.format_sets(sets, details=details),
            ]
        )

    @staticmethod
    def _summary(data: dict) -> str:
        lines = [
            f"Cơ quan ban hành: {data.get('issuer') or '—'}",
            f"Số, ký hiệu: {data.get('number') or '…'}/{data.get('symbol') or ''}",
            f"Ngày: {data.get('date') or '—'}  Địa danh: {data.get('place') or '—'}",
            f"Trích yếu: {data.get('title') or '—'}",
            f"Căn cứ: {len(data.get('legal_bases') or [])}, chỉ tiêu: {len(data.get('targets') or [])}, "
            f"nhiệm vụ: {len(data.get('tasks') or [])}, chế độ báo cáo: {len(data.get('reporting') or [])}",
        ]
        return "\n".join(lines)
