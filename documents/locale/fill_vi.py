"""Fill documents/locale/vi/LC_MESSAGES/django.po from the table below (run after makemessages).

python documents/locale/fill_vi.py
"""

import re
from pathlib import Path

VI = {
    "Upload a PNG image (at most 2 MB).": "Hãy tải lên ảnh PNG (tối đa 2 MB).",
    "PKCS#12 file (.p12, .pfx)": "Tệp PKCS#12 (.p12, .pfx)",
    "Passphrase": "Mật khẩu",
    "Store the passphrase (encrypted)": "Lưu mật khẩu (đã mã hóa)",
    "Untick to supply it from the environment variable SIGNING_PASSPHRASE_<agency id> instead.": "Bỏ chọn để cung cấp mật khẩu qua biến môi trường SIGNING_PASSPHRASE_<mã cơ quan>.",
    "Seal image (red, transparent PNG)": "Ảnh con dấu (màu đỏ, PNG nền trong suốt)",
    "The PKCS#12 file is too large.": "Tệp PKCS#12 quá lớn.",
    "Paste a CA certificate in PEM format (-----BEGIN CERTIFICATE-----).": "Hãy dán chứng thư số của tổ chức chứng thực (CA) ở định dạng PEM (-----BEGIN CERTIFICATE-----).",
    "Signature image (blue, transparent PNG)": "Ảnh chữ ký (màu xanh, PNG nền trong suốt)",
    "Documents": "Văn bản",
    "Document (PDF or .xlsx)": "Văn bản (PDF hoặc .xlsx)",
    "Signature file (.p7s)": "Tệp chữ ký (.p7s)",
    "Only for a workbook: the .p7s file that came with it.": "Chỉ dùng cho tệp Excel: tệp .p7s đi kèm tệp đó.",
    "The file is too large (at most %(mb)s MB).": "Tệp quá lớn (tối đa %(mb)s MB).",
    "Upload a PDF file or an Excel workbook (.xlsx).": "Hãy tải lên tệp PDF hoặc tệp Excel (.xlsx).",
    "The signature file must be a .p7s file.": "Tệp chữ ký phải là tệp .p7s.",
    "A workbook is checked with its .p7s signature file.": "Tệp Excel được kiểm tra cùng với tệp chữ ký .p7s của nó.",
    "The stored passphrase cannot be decrypted (was SECRET_KEY changed?). Upload the certificate again.": "Không giải mã được mật khẩu đã lưu (SECRET_KEY đã bị thay đổi?). Hãy tải lại chứng thư số.",
    "The PKCS#12 file cannot be opened: wrong passphrase or damaged file.": "Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp bị hỏng.",
    "The PKCS#12 file must contain a private key and its certificate.": "Tệp PKCS#12 phải chứa khóa bí mật và chứng thư số tương ứng.",
    "Plan (PDF)": "Kế hoạch (PDF)",
    "Plan (Excel)": "Kế hoạch (Excel)",
    "Report (PDF)": "Báo cáo (PDF)",
    "Report annex (Excel)": "Phụ lục báo cáo (Excel)",
    "Waiting": "Đang chờ",
    "Rendering": "Đang tạo",
    "Ready": "Sẵn sàng",
    "Failed": "Lỗi",
    "kind": "loại",
    "plan": "kế hoạch",
    "report": "báo cáo",
    "snapshot": "ảnh chụp nội dung",
    "template version": "phiên bản mẫu",
    "content hash": "mã băm nội dung",
    "status": "trạng thái",
    "progress (%)": "tiến độ (%)",
    "error": "lỗi",
    "file": "tệp",
    "SHA-256": "SHA-256",
    "size (bytes)": "dung lượng (byte)",
    "pages": "số trang",
    "signature position": "vị trí chữ ký",
    "render time (s)": "thời gian tạo (giây)",
    "requested by": "người yêu cầu",
    "rendered document": "văn bản đã tạo",
    "rendered documents": "văn bản đã tạo",
    "This content has already been rendered.": "Nội dung này đã được tạo văn bản.",
    "A document is made from either a plan or a report.": "Một văn bản được tạo từ một kế hoạch hoặc một báo cáo.",
    "name": "tên",
    "certificate (PEM)": "chứng thư số (PEM)",
    "demo CA": "CA thử nghiệm",
    "private key (encrypted)": "khóa bí mật (đã mã hóa)",
    "SHA-256 fingerprint": "dấu vân tay SHA-256",
    "trusted CA": "tổ chức chứng thực tin cậy",
    "trusted CAs": "tổ chức chứng thực tin cậy",
    "agency": "cơ quan",
    "PKCS#12 file": "tệp PKCS#12",
    "passphrase (encrypted)": "mật khẩu (đã mã hóa)",
    "subject": "chủ thể",
    "issuer": "tổ chức cấp",
    "serial number": "số sê-ri",
    "valid from": "hiệu lực từ",
    "valid until": "hiệu lực đến",
    "seal image (PNG)": "ảnh con dấu (PNG)",
    "demo certificate": "chứng thư thử nghiệm",
    "active": "đang dùng",
    "agency certificate": "chứng thư số của cơ quan",
    "agency certificates": "chứng thư số của cơ quan",
    "This agency already has an active certificate.": "Cơ quan này đã có chứng thư số đang dùng.",
    "user": "người dùng",
    "image (PNG)": "ảnh (PNG)",
    "demo image": "ảnh thử nghiệm",
    "signature image": "ảnh chữ ký",
    "signature images": "ảnh chữ ký",
    "rendered from": "tạo từ",
    "certificate": "chứng thư số",
    "signed by": "người ký",
    "signed at": "thời điểm ký",
    "document number": "số, ký hiệu văn bản",
    "signed PDF": "tệp PDF đã ký",
    "workbook": "tệp Excel",
    "workbook SHA-256": "SHA-256 của tệp Excel",
    "workbook signature": "chữ ký của tệp Excel",
    "signed document": "văn bản đã ký số",
    "signed documents": "văn bản đã ký số",
    "A signed document belongs to either a plan or a report.": "Văn bản đã ký thuộc về một kế hoạch hoặc một báo cáo.",
    "A signed document cannot be changed.": "Không thể sửa văn bản đã ký số.",
    "A signed document cannot be deleted.": "Không thể xóa văn bản đã ký số.",
    "Unknown document format.": "Định dạng văn bản không hợp lệ.",
    "Only an issued plan can be signed.": "Chỉ ký số được kế hoạch đã ban hành.",
    "Only an approved report can be signed.": "Chỉ ký số được báo cáo đã được duyệt.",
    "%(agency)s has no signing certificate. Ask an administrator to upload one.": "%(agency)s chưa có chứng thư số. Đề nghị quản trị viên tải lên chứng thư số.",
    "This plan is to be signed by %(name)s.": "Kế hoạch này do %(name)s ký.",
    "The signature position could not be found in the document.": "Không xác định được vị trí chữ ký trong văn bản.",
    "Document": "Văn bản",
    "Back": "Quay lại",
    "Signed PDF": "PDF đã ký số",
    "Signed Excel (.zip)": "Excel đã ký số (.zip)",
    "Signed on %(when)s by %(who)s": "Đã ký số lúc %(when)s bởi %(who)s",
    "PDF": "PDF",
    "Excel": "Excel",
    "Sign digitally": "Ký số",
    "The document is ready.": "Văn bản đã sẵn sàng.",
    "Download": "Tải về",
    "The document could not be produced. Please try again later or tell the administrator.": "Không tạo được văn bản. Vui lòng thử lại sau hoặc báo cho quản trị viên.",
    "The document is being prepared…": "Văn bản đang được tạo…",
    "Progress": "Tiến độ",
    "Verify a signature": "Kiểm tra chữ ký số",
    "Verify a signed document": "Kiểm tra văn bản đã ký số",
    "Upload a PDF signed by the portal (or a workbook with its .p7s file) to check its digital signatures and whether it matches a document the portal issued.": "Tải lên tệp PDF đã ký số (hoặc tệp Excel kèm tệp .p7s) để kiểm tra chữ ký số và đối chiếu với văn bản do cổng thông tin ban hành.",
    "All signatures are valid and the file was not changed after signing.": "Tất cả chữ ký số hợp lệ và tệp không bị thay đổi sau khi ký.",
    "The signature check failed: see the details below.": "Kiểm tra chữ ký số không đạt: xem chi tiết bên dưới.",
    "File": "Tệp",
    "Signed by": "Người ký",
    "Certificate issued by": "Chứng thư số do tổ chức cấp",
    "Signing time": "Thời gian ký",
    "Integrity": "Tính toàn vẹn",
    "Valid: the signed content is intact": "Hợp lệ: nội dung đã ký còn nguyên vẹn",
    "Invalid: the signed content was altered or the signature is broken": "Không hợp lệ: nội dung đã ký bị thay đổi hoặc chữ ký bị hỏng",
    "Trust": "Độ tin cậy",
    "Issued by a trusted certification authority": "Do tổ chức chứng thực tin cậy cấp",
    "Not issued by a certification authority the portal trusts": "Không do tổ chức chứng thực mà cổng thông tin tin cậy cấp",
    "Changes after signing": "Thay đổi sau khi ký",
    "The file was changed after signing": "Tệp đã bị thay đổi sau khi ký",
    "None: the signature covers the whole file": "Không có: chữ ký bao trùm toàn bộ tệp",
    "Only permitted additions (e.g. further signatures)": "Chỉ có bổ sung được phép (ví dụ chữ ký tiếp theo)",
    "This file is exactly the document %(number)s signed in the portal on %(when)s.": "Tệp này đúng là văn bản số %(number)s được ký số trên cổng thông tin lúc %(when)s.",
    'This file is exactly the document "%(source)s" signed in the portal on %(when)s.': "Tệp này đúng là văn bản “%(source)s” được ký số trên cổng thông tin lúc %(when)s.",
    "This file is an unsigned document produced by the portal.": "Tệp này là văn bản chưa ký do cổng thông tin tạo ra.",
    "This file does not match any document the portal issued.": "Tệp này không trùng với văn bản nào do cổng thông tin ban hành.",
    "Verify": "Kiểm tra",
    "The file is not a PDF document.": "Tệp không phải là tài liệu PDF.",
    "The PDF file is damaged and cannot be read (%(error)s).": "Tệp PDF bị hỏng, không đọc được (%(error)s).",
    "The PDF file has no digital signature.": "Tệp PDF không có chữ ký số.",
    "The signature cannot be checked: %(error)s": "Không kiểm tra được chữ ký: %(error)s",
    "The workbook is not an .xlsx file.": "Tệp Excel không phải định dạng .xlsx.",
    "The signature file (.p7s) is damaged or not a CMS signature.": "Tệp chữ ký (.p7s) bị hỏng hoặc không phải chữ ký CMS.",
    "The document %(number)s was signed.": "Đã ký số văn bản %(number)s.",
    "This document was already signed by %(name)s at %(when)s; the signed file was not changed.": "Văn bản này đã được ký bởi %(name)s lúc %(when)s; tệp đã ký không thay đổi.",
    "The document could not be rendered; try again later.": "Không tạo được văn bản; hãy thử lại sau.",
}

PO = Path(__file__).resolve().parent / "vi/LC_MESSAGES/django.po"


def _unquote(lines):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', "\n".join(lines))).replace('\\"', '"').replace("\\n", "\n")


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    text = PO.read_text(encoding="utf-8")
    # Keep the header its own block even when no blank line follows it.
    text = re.sub(r"(Plural-Forms:[^\n]*\n)(?=#)", r"\1\n", text, count=1)
    blocks = text.split("\n\n")
    out, missing = [], []
    for i, block in enumerate(blocks):
        lines = block.splitlines()
        if i == 0:  # header: drop fuzzy, set the language
            block = block.replace("#, fuzzy\n", "").replace('"Language: \\n"', '"Language: vi\\n"')
            block = block.replace("charset=CHARSET", "charset=UTF-8")
            out.append(block)
            continue
        try:
            start = next(j for j, line in enumerate(lines) if line.startswith("msgid "))
            strpos = next(j for j, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            out.append(block)
            continue
        msgid = _unquote([lines[start][6:], *lines[start + 1 : strpos]])
        if msgid not in VI:
            missing.append(msgid)
            out.append(block)
            continue
        head = [line for line in lines[:strpos] if not line.startswith("#, fuzzy")]
        head = [line.replace("#, fuzzy, ", "#, ") for line in head]
        out.append("\n".join([*head, f"msgstr {_quote(VI[msgid])}"]))
    PO.write_text("\n\n".join(out).rstrip("\n") + "\n", encoding="utf-8")
    if missing:
        raise SystemExit("untranslated: " + " | ".join(missing))


if __name__ == "__main__":
    main()
