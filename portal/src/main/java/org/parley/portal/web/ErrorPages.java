package org.parley.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.NotFoundPage;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages for what went wrong. A page that does not exist and one the person may not see
 * look the same (404); a service that cannot be reached says which part is missing (503);
 * nothing ever shows a stack trace.
 */
@Controller
@ControllerAdvice
public class ErrorPages implements ErrorController {

    private final PageAdvice pages;

    public ErrorPages(PageAdvice pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        return view(request, response, status, null);
    }

    @ExceptionHandler({NotFoundPage.class, org.springframework.web.servlet.resource.NoResourceFoundException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return view(request, response, 404, null);
    }

    @ExceptionHandler(ApiResult.ServiceUnavailable.class)
    ModelAndView unavailable(ApiResult.ServiceUnavailable e, HttpServletRequest request,
            HttpServletResponse response) {
        return view(request, response, 503, e.service().id());
    }

    @ExceptionHandler(ApiResult.ApiRefusal.class)
    ModelAndView refused(ApiResult.ApiRefusal e, HttpServletRequest request, HttpServletResponse response) {
        return view(request, response, e.problem().status() == 409 ? 409 : 400, null);
    }

    private ModelAndView view(HttpServletRequest request, HttpServletResponse response, int status, String service) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("page", pages.of(request));
        view.addObject("status", status);
        view.addObject("service", service);
        view.setStatus(HttpStatus.valueOf(status));
        response.setStatus(status);
        return view;
    }
}
