"""The ids that tie a button or modal the app sends to the listener that handles it."""

import re

SHARE_ANSWER = "rolefit_share_answer"
# One per "did you mean" button (action_ids must be unique within a message): _0, _1, _2.
DID_YOU_MEAN_PREFIX = "rolefit_did_you_mean_"
DID_YOU_MEAN = re.compile(rf"^{DID_YOU_MEAN_PREFIX}\d+$")
DID_YOU_MEAN_CHOICES = "rolefit_did_you_mean_choices"  # their block
OPEN_ASK_MODAL = "rolefit_open_ask_modal"
OPEN_QUESTIONNAIRE = "rolefit_open_questionnaire"
SHOW_ROLES = "rolefit_show_roles"
# An answer to a question RoleFit asked back while advising on a hire: _0, _1, _2.
HIRE_FACT_PREFIX = "rolefit_hire_fact_"
HIRE_FACT = re.compile(rf"^{HIRE_FACT_PREFIX}\d+$")
POST_ADVICE = "rolefit_post_advice"
HELP_ME_CHOOSE = "rolefit_help_me_choose"

ASK_MODAL = "rolefit_ask_modal"
ASK_INPUT_BLOCK = "rolefit_question"
ASK_INPUT = "rolefit_question_text"

# Feedback under an answer: 👍 records at once, 👎 opens a small form asking which role it is.
FEEDBACK_BLOCK = "rolefit_feedback"
FEEDBACK_HELPFUL = "rolefit_feedback_helpful"
FEEDBACK_NOT_HELPFUL = "rolefit_feedback_not_helpful"
FEEDBACK_MODAL = "rolefit_feedback_modal"
FEEDBACK_ROLE_BLOCK = "rolefit_feedback_role"
FEEDBACK_ROLE = "rolefit_feedback_role_choice"
FEEDBACK_COMMENT_BLOCK = "rolefit_feedback_comment"
FEEDBACK_COMMENT = "rolefit_feedback_comment_text"
# A workspace's set-up (admins): the Home tab's "Change" button and the role holders modal.
OPEN_HOLDERS_MODAL = "rolefit_open_holders_modal"
HOLDERS_MODAL = "rolefit_holders_modal"
HOLDERS_BLOCK_PREFIX = "rolefit_holders_"  # + the role's id
HOLDERS_INPUT = "rolefit_holders_people"
