package com.partnerdesk.directory.web;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.UserDeletedMeanwhile;
import com.partnerdesk.web.Notices;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two admins working on the same user: whoever acts second on a user the other just deleted (a license Save, a
 * password reset, a second deletion) lands on the users list, which no longer shows the user, with a notice saying
 * who was deleted meanwhile. Nothing was changed by the refused action; the Activity tab shows it as failed, recorded
 * here because the action's own transaction rolled back.
 */
@ControllerAdvice(assignableTypes = { UserLicensesController.class, ResetPasswordController.class,
        DeleteUsersController.class })
class UserDeletedMeanwhileAdvice {

    private final AuditTrail audit;

    UserDeletedMeanwhileAdvice(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(UserDeletedMeanwhile.class)
    String deletedMeanwhile(UserDeletedMeanwhile deleted, RedirectAttributes redirect) {
        audit.recordFailure(deleted.getCustomerId(), deleted.getRefusedAction(), deleted.getUsername(),
                "refused: deleted by someone else meanwhile");
        Notices.warning(redirect, "user.deletedMeanwhile", deleted.getDisplayName());
        return "redirect:/customers/" + deleted.getCustomerId() + "/users";
    }
}
