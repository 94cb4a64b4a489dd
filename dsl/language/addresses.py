"""Contact values: phone numbers, e-mail addresses and web addresses, read and judged in one place.

The checks use these to report a malformed value where it was written; the site uses them to show
a number in its national form and to link it (`tel:` or `sms:` with the country code, `mailto:`, `https:`).
Phone numbers are read with `phonenumbers` (Google's libphonenumber data), so a number is valid
exactly when the numbering plan of its country says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dsl.language.cache import kept_for_user, key_of, version

PHONE_KINDS: tuple[str, ...] = ("phone", "sms", "fax")
"""The kinds of contact whose value is a phone number (an `sms` number takes text messages)."""

WEB_KINDS: tuple[str, ...] = ("web", "portal")
"""The kinds of contact whose value may be a web address (a portal may also be just a name: My Esri)."""

URL_KINDS: tuple[str, ...] = ("web", "chat")
"""The kinds of contact whose value must be a web address: a website, and a live chat opened at its address."""

# Deliberately simple: one @, no spaces, a dotted domain. Mail servers accept more, but a plan
# file's address is printed on a page; this catches the typos that break a mailto: link.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
# A host's labels may be written in any script (an internationalised name, "https://例え.jp", which browsers
# link as written) or as their xn-- form: letters and digits of every script, hyphens inside.
_HOST = re.compile(r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?(?:\.[^\W_](?:(?:[^\W_]|-)*[^\W_])?)*\.(?:[^\W\d_]{2,}|xn--[A-Za-z0-9-]+)")
_URL = re.compile(r"https?://(" + _HOST.pattern + r")(:\d+)?([/?#][^\s]*)?")


@dataclass(frozen=True)
class PhoneNumber:
    """A valid phone number in its three written forms and the country it belongs to."""

    e164: str  # +46424003999: what a tel: link dials
    national: str  # 042-400 39 99: how the number's own country writes it
    international: str  # +46 42 400 39 99: how a caller abroad reads it
    region: str  # SE


def phone_number(value: str) -> PhoneNumber | None:
    """The number written in `value` (with its country code), or None when it is not a valid number."""
    found = _NUMBERS.get(value, _UNSEEN)
    if found is _UNSEEN:
        # What libphonenumber says of a written number depends on nothing but its data: asked once per user
        # and kept in the user's cache, so a project's first check need not import it (a tenth of that check).
        found = _NUMBERS[value] = kept_for_user("phone", key_of(version("phonenumbers"), value), lambda: _read_number(value))
    return found if isinstance(found, PhoneNumber) else None


_UNSEEN = object()
_NUMBERS: dict[str, object] = {}
"""The numbers this process has read, by how they were written (a page, its card and its rows show the same ones)."""


def _read_number(value: str) -> PhoneNumber | None:
    """`phone_number`, asked of libphonenumber itself."""
    # Imported on first use: its metadata takes longer to import than a build after one edit spends on
    # its vendor, and most plan files have no phone number.
    import phonenumbers

    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    fmt = phonenumbers.PhoneNumberFormat
    return PhoneNumber(
        phonenumbers.format_number(number, fmt.E164),
        phonenumbers.format_number(number, fmt.NATIONAL),
        phonenumbers.format_number(number, fmt.INTERNATIONAL),
        phonenumbers.region_code_for_number(number) or "",
    )


def phone_problem(value: str, region_guess: str | None = None) -> tuple[str, str] | None:
    """Why `value` is not a phone number Tierwise can link, and a hint; None when it is one."""
    if phone_number(value) is not None:
        return None
    if not value.strip().startswith("+"):
        # A national number cannot be dialled from the site's other countries: say what it would be.
        hint = "write it with its country code, such as \"+46 8 123 456 78\""
        if region_guess:
            import phonenumbers

            try:
                number = phonenumbers.parse(value, region_guess)
                if phonenumbers.is_valid_number(number):
                    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
                    # The guess comes from the vendor's language, which need not be the number's country.
                    hint = (
                        f'write it with its country code: "{written}" if it is a number in '
                        f"{region_guess}, else with its own country's code"
                    )
            except phonenumbers.NumberParseException:
                pass
        return f"the phone number '{value}' has no country code", hint
    return f"'{value}' is not a valid phone number", "check the digits; write the number with its country code, such as \"+46 8 123 456 78\""


def email_problem(value: str) -> tuple[str, str] | None:
    """Why `value` is not an e-mail address, and a hint; None when it is one."""
    if _EMAIL.fullmatch(value.strip()):
        return None
    return f"'{value}' is not an e-mail address", "write it as name@example.com, without spaces or mailto:"


def looks_like_web_address(value: str) -> bool:
    """Whether a value is meant as a web address (rather than a name such as "My Esri")."""
    text = value.strip()
    return "://" in text or (" " not in text and "." in text and not text.endswith("."))


def url_problem(value: str) -> tuple[str, str] | None:
    """Why `value` is not a web address a page can link to, and a hint; None when it is one."""
    text = value.strip()
    if _URL.fullmatch(text):
        return None
    if "://" not in text and _HOST.fullmatch(text.split("/", 1)[0]):
        return f"the web address '{value}' has no scheme", f'write it with https:// in front: "https://{text}"'
    return f"'{value}' is not a web address", 'write a full address such as "https://support.example.com"'


def web_href(value: str) -> str | None:
    """The link of a valid web address, else None."""
    return value.strip() if _URL.fullmatch(value.strip()) else None


def email_href(value: str) -> str | None:
    """The mailto: link of a valid e-mail address, else None."""
    return "mailto:" + value.strip() if email_problem(value) is None else None


def phone_href(value: str) -> str | None:
    """The tel: link, with the country code, of a valid phone number, else None."""
    number = phone_number(value)
    return "tel:" + number.e164 if number else None


def sms_href(value: str) -> str | None:
    """The sms: link (RFC 5724), with the country code, of a valid phone number, else None: a tap opens a new text message."""
    number = phone_number(value)
    return "sms:" + number.e164 if number else None
