"""The ids that tie a button or modal the app sends to the listener that handles it."""

import re

SHARE_ANSWER = "rolefit_share_answer"
# One per "did you mean" button (action_ids must be unique within a message): _0, _1, _2.
DID_YOU_MEAN_PREFIX = "rolefit_did_you_mean_"
DID_YOU_MEAN = re.compile(rf"^{DID_YOU_MEAN_PREFIX}\d+$")
OPEN_ASK_MODAL = "rolefit_open_ask_modal"
OPEN_QUESTIONNAIRE = "rolefit_open_questionnaire"
SHOW_ROLES = "rolefit_show_roles"

ASK_MODAL = "rolefit_ask_modal"
ASK_INPUT_BLOCK = "rolefit_question"
ASK_INPUT = "rolefit_question_text"
